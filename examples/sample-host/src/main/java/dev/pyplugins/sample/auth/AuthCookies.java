package dev.pyplugins.sample.auth;

import dev.pyplugins.protocol.v1.Session;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The cookies a login sets, as Mattermost's server sets them: {@code MMAUTHTOKEN} (the token, HttpOnly),
 * {@code MMUSERID} and {@code MMCSRF} (readable by the page, which sends the CSRF token back as a header),
 * all {@code SameSite=Lax}, path {@code /}, lasting as long as the session.
 */
public final class AuthCookies {
  private AuthCookies() {
  }

  public static void set(HttpServletResponse response, Session session, boolean secure) {
    long maxAge = Math.max(0, (session.getExpiresAt() - System.currentTimeMillis()) / 1000);
    add(response, RequestAuth.AUTH_COOKIE, session.getToken(), maxAge, true, secure);
    add(response, RequestAuth.USER_COOKIE, session.getUserId(), maxAge, false, secure);
    add(response, RequestAuth.CSRF_COOKIE, session.getPropsOrDefault("csrf", ""), maxAge, false, secure);
  }

  public static void clear(HttpServletResponse response, boolean secure) {
    for (String name : new String[] {RequestAuth.AUTH_COOKIE, RequestAuth.USER_COOKIE, RequestAuth.CSRF_COOKIE}) {
      add(response, name, "", 0, name.equals(RequestAuth.AUTH_COOKIE), secure);
    }
  }

  private static void add(HttpServletResponse response, String name, String value, long maxAge, boolean httpOnly,
      boolean secure) {
    Cookie cookie = new Cookie(name, value);
    cookie.setPath("/");
    cookie.setMaxAge((int) Math.min(Integer.MAX_VALUE, maxAge));
    cookie.setHttpOnly(httpOnly);
    cookie.setSecure(secure);
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }
}
