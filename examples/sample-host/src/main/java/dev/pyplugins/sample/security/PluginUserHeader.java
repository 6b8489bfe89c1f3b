package dev.pyplugins.sample.security;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.sample.auth.Caller;
import dev.pyplugins.sample.auth.RequestAuth;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * Mattermost's rule for plugin HTTP routes ({@code /plugins/{id}/...}): the plugin learns who calls from the
 * {@code Mattermost-User-Id} header, which the server sets from the caller's session (cookie sessions only
 * when they pass the CSRF check) and which a client can never set itself: any such header it sends is
 * dropped.
 */
public final class PluginUserHeader extends HttpFilter {
  static final String HEADER = "Mattermost-User-Id";

  private final RequestAuth auth;

  public PluginUserHeader(RequestAuth auth) {
    this.auth = auth;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<Caller> caller;
    try {
      caller = auth.caller(request);
    } catch (AppErrorException e) {
      caller = Optional.empty(); // as Mattermost: the route still runs, without a user
    }
    chain.doFilter(new WithUser(request, caller.map(Caller::userId).orElse(null)), response);
  }

  private static final class WithUser extends HttpServletRequestWrapper {
    private final String userId;

    WithUser(HttpServletRequest request, String userId) {
      super(request);
      this.userId = userId;
    }

    @Override
    public String getHeader(String name) {
      return HEADER.equalsIgnoreCase(name) ? userId : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      if (HEADER.equalsIgnoreCase(name)) {
        return Collections.enumeration(userId == null ? List.of() : List.of(userId));
      }
      return super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      List<String> names = new ArrayList<>();
      for (Enumeration<String> all = super.getHeaderNames(); all.hasMoreElements(); ) {
        String name = all.nextElement();
        if (!HEADER.equalsIgnoreCase(name)) {
          names.add(name);
        }
      }
      if (userId != null) {
        names.add(HEADER);
      }
      return Collections.enumeration(names);
    }
  }
}
