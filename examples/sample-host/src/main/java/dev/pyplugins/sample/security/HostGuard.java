package dev.pyplugins.sample.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses, before anything else runs, requests that reach the host under a name it does not answer to
 * (DNS rebinding: a page on {@code evil.example} whose name now resolves to 127.0.0.1 sends
 * {@code Host: evil.example}) and requests a browser sends on behalf of another site ({@code Origin} of a
 * host not allowed). Allowed: {@code localhost}, {@code 127.0.0.1}, {@code [::1]}, the listen address and
 * the names given with {@code --allowed-host}, on any port.
 */
public final class HostGuard extends Handler.Wrapper {
  private final Set<String> allowed;

  public HostGuard(Handler handler, Set<String> allowedHosts) {
    super(handler);
    this.allowed = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors
        .toUnmodifiableSet());
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String host = request.getHeaders().get(HttpHeader.HOST);
    if (host == null || !allowed.contains(hostName(host))) {
      return refuse(response, callback, "api.context.host_not_allowed.app_error",
          "This host does not answer to the name '" + host + "' (allowed: " + allowed + "; add one with "
              + "--allowed-host).");
    }
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin != null && !originAllowed(origin)) {
      return refuse(response, callback, "api.context.origin_not_allowed.app_error",
          "Requests from pages of '" + origin + "' are not accepted.");
    }
    return super.handle(request, response, callback);
  }

  private boolean originAllowed(String origin) {
    try {
      URI uri = URI.create(origin);
      return (uri.getScheme().equals("http") || uri.getScheme().equals("https")) && uri.getHost() != null
          && allowed.contains(hostName(uri.getHost()));
    } catch (IllegalArgumentException | NullPointerException e) {
      return false; // "null" (a sandboxed page) and garbage
    }
  }

  /** The name in a Host header or URI host, without port or IPv6 brackets, lower case. */
  static String hostName(String host) {
    String name = host.trim().toLowerCase(Locale.ROOT);
    if (name.startsWith("[")) {
      int end = name.indexOf(']');
      return end < 0 ? name : name.substring(1, end);
    }
    int colon = name.indexOf(':');
    return colon < 0 ? name : name.substring(0, colon);
  }

  private static boolean refuse(Response response, Callback callback, String id, String message) {
    response.setStatus(403);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    String json = "{\"id\":\"" + id + "\",\"message\":" + quote(message)
        + ",\"detailed_error\":\"\",\"request_id\":\"\",\"status_code\":403}";
    response.write(true, BufferUtil.toBuffer(json.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }

  private static String quote(String text) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
  }
}
