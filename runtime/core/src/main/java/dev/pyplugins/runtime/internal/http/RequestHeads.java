package dev.pyplugins.runtime.internal.http;

import dev.pyplugins.protocol.v1.HTTPHeader;
import dev.pyplugins.protocol.v1.HTTPRequestHead;
import dev.pyplugins.protocol.v1.PluginContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.UUID;

/** Turns a servlet request into the head and plugin context a plugin's ServeHTTP receives. Stateless. */
public final class RequestHeads {
  private RequestHeads() {}

  /**
   * The request head as the plugin sees it.
   *
   * @param pluginPath the path below the plugin's route ({@code "/hello"} for {@code /plugins/<id>/hello});
   *     the query string is appended
   */
  public static HTTPRequestHead head(HttpServletRequest request, String pluginPath) {
    String query = request.getQueryString();
    String protocol = request.getProtocol();
    HTTPRequestHead.Builder head = HTTPRequestHead.newBuilder()
        .setMethod(request.getMethod())
        .setUrl(query == null ? pluginPath : pluginPath + "?" + query)
        .setProto(protocol)
        .setProtoMajor(version(protocol, true))
        .setProtoMinor(version(protocol, false))
        .setHost(nullToEmpty(request.getHeader("Host")).isEmpty() ? request.getServerName() : request.getHeader("Host"))
        .setRemoteAddr(hostPort(request.getRemoteAddr(), request.getRemotePort()))
        .setRequestUri(query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query)
        .setContentLength(request.getContentLengthLong());
    for (String name : Collections.list(request.getHeaderNames())) {
      head.addHeaders(HTTPHeader.newBuilder().setKey(name).addAllValues(Collections.list(request.getHeaders(name))));
    }
    return head.build();
  }

  /** The plugin context of one HTTP request: a fresh request id and the client's address and headers. */
  public static PluginContext context(HttpServletRequest request) {
    return PluginContext.newBuilder()
        .setRequestId(UUID.randomUUID().toString().replace("-", ""))
        .setIpAddress(nullToEmpty(request.getRemoteAddr()))
        .setAcceptLanguage(nullToEmpty(request.getHeader("Accept-Language")))
        .setUserAgent(nullToEmpty(request.getHeader("User-Agent")))
        .build();
  }

  private static int version(String protocol, boolean major) {
    int slash = protocol == null ? -1 : protocol.indexOf('/');
    if (slash < 0) {
      return 0;
    }
    String[] parts = protocol.substring(slash + 1).split("\\.");
    try {
      return Integer.parseInt(major ? parts[0] : parts.length > 1 ? parts[1] : "0");
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String hostPort(String address, int port) {
    String host = nullToEmpty(address);
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
