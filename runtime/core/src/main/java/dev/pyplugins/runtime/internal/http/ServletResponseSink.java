package dev.pyplugins.runtime.internal.http;

import dev.pyplugins.protocol.v1.HTTPHeader;
import dev.pyplugins.protocol.v1.HTTPResponseHead;
import dev.pyplugins.protocol.v1.ServeHTTPResponse;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Applies a plugin's ServeHTTP response head to a servlet response: the status (0 means 200; outside
 * 100..999, 500) and the headers, hop-by-hop ones dropped (they are the container's business). Remembers
 * whether the plugin's response has started (a head or body seen), after which a failure can no longer be
 * answered with a status of its own. {@link HttpExchange} decides when to write (the client's pace); this
 * writes. Not thread-safe: used under the exchange's lock.
 */
public final class ServletResponseSink {
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "upgrade",
      "proxy-connection", "te", "trailer");

  private final HttpServletResponse response;
  private boolean started;

  public ServletResponseSink(HttpServletResponse response) {
    this.response = response;
  }

  /** The status a plugin's status code stands for: 0 is 200, a value outside 100..999 is 500. */
  public static int status(int pluginStatus) {
    if (pluginStatus == 0) {
      return 200;
    }
    return pluginStatus < 100 || pluginStatus > 999 ? 500 : pluginStatus;
  }

  /** Whether the plugin sent a head (status and headers) or any body. */
  public boolean started() {
    return started;
  }

  /** Applies the message's head, then writes its body piece, if any: one write, as non-blocking output allows. */
  void write(ServeHTTPResponse message, ServletOutputStream out) throws IOException {
    if (message.hasResponse()) {
      head(message.getResponse());
    }
    if (!message.getBodyChunk().isEmpty()) {
      started = true;
      ByteSlice body = ByteSlice.of(message.getBodyChunk());
      out.write(body.array(), body.offset(), body.length());
    }
  }

  /** Answers a failure with its status and message as text, unless the plugin's response has started. */
  void fail(int status, String message, ServletOutputStream out) throws IOException {
    if (!started && !response.isCommitted()) {
      response.setStatus(status);
      response.setContentType("text/plain;charset=utf-8");
      out.write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Sets the status and headers, unless the response is committed already. */
  public void head(HTTPResponseHead head) {
    started = true;
    if (response.isCommitted()) {
      return;
    }
    response.setStatus(status(head.getStatusCode()));
    for (HTTPHeader header : head.getHeadersList()) {
      if (HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        continue;
      }
      for (String value : header.getValuesList()) {
        response.addHeader(header.getKey(), value);
      }
    }
  }
}
