package dev.pyplugins.sample.auth;

import dev.pyplugins.protocol.v1.AppErrorException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the caller of an HTTP request as Mattermost's server does: the {@code Authorization} header
 * ({@code Bearer <token>} or {@code Token <token>}) first, else the {@code MMAUTHTOKEN} cookie. A cookie
 * session must pass Mattermost's CSRF check on every request that is not a GET: an {@code X-CSRF-Token}
 * header equal to the session's CSRF token, or {@code X-Requested-With: XMLHttpRequest} (which a page on
 * another site cannot send without a CORS pre-flight, which this host never grants).
 */
public final class RequestAuth {
  public static final String AUTH_COOKIE = "MMAUTHTOKEN";
  public static final String USER_COOKIE = "MMUSERID";
  public static final String CSRF_COOKIE = "MMCSRF";

  private final Sessions sessions;

  public RequestAuth(Sessions sessions) {
    this.sessions = sessions;
  }

  /**
   * The request's caller; empty when it carries no token.
   *
   * @throws AppErrorException 401 for a token that opens no session, or a cookie session failing the CSRF check
   */
  public Optional<Caller> caller(HttpServletRequest request) {
    Optional<String> header = headerToken(request);
    if (header.isPresent()) {
      return Optional.of(sessions.authenticate(header.get(), false).orElseThrow(RequestAuth::expired));
    }
    Optional<String> cookie = cookie(request, AUTH_COOKIE);
    if (cookie.isEmpty()) {
      return Optional.empty();
    }
    Caller caller = sessions.authenticate(cookie.get(), true).orElseThrow(RequestAuth::expired);
    if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD") && !csrfPasses(request, caller)) {
      throw AppErrorException.of(401, "api.context.session_expired.app_error",
          "This request looks like cross-site request forgery: a cookie session must send X-CSRF-Token "
              + "(or X-Requested-With: XMLHttpRequest) on writes.");
    }
    return Optional.of(caller);
  }

  /** The caller, who must be logged in. */
  public Caller require(HttpServletRequest request) {
    return caller(request).orElseThrow(RequestAuth::expired);
  }

  private static boolean csrfPasses(HttpServletRequest request, Caller caller) {
    String token = request.getHeader("X-CSRF-Token");
    String expected = caller.session().getPropsOrDefault("csrf", "");
    if (token != null && !expected.isEmpty()) {
      return java.security.MessageDigest.isEqual(token.getBytes(), expected.getBytes());
    }
    return "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
  }

  private static Optional<String> headerToken(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null) {
      return Optional.empty();
    }
    String[] parts = header.trim().split("\\s+", 2);
    String scheme = parts[0].toLowerCase(Locale.ROOT);
    if (parts.length == 2 && (scheme.equals("bearer") || scheme.equals("token"))) {
      return Optional.of(parts[1].trim());
    }
    throw AppErrorException.of(401, "api.context.token_provided.app_error",
        "The Authorization header must be 'Bearer <token>' or 'Token <token>'.");
  }

  static Optional<String> cookie(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (cookie.getName().equals(name) && !cookie.getValue().isEmpty()) {
        return Optional.of(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  static AppErrorException expired() {
    return AppErrorException.of(401, "api.context.session_expired.app_error",
        "Invalid or expired session, please login again.");
  }
}
