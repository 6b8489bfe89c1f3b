package dev.pyplugins.runtime.internal.http;

import com.google.protobuf.ByteString;
import dev.pyplugins.protocol.v1.HTTPHeader;
import dev.pyplugins.protocol.v1.HTTPResponseHead;
import dev.pyplugins.runtime.support.BodySink;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a plugin's streamed ServeHTTP response to a servlet response as it arrives: the head sets the
 * status (0 means 200; outside 100..999, 500) and headers, each chunk is written through (blocking while
 * the client is slow, which holds the plugin back), a flush request flushes to the client. An
 * {@link IOException} from the servlet (the client went away) propagates, which cancels the plugin's
 * handler. Hop-by-hop headers are the container's business and are dropped. Not thread-safe: used by the
 * request's thread only.
 */
public final class ServletResponseSink implements BodySink<HTTPResponseHead> {
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "upgrade",
      "proxy-connection", "te", "trailer");

  private final HttpServletResponse response;
  private OutputStream body;
  private boolean headSeen;

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
    return headSeen || body != null;
  }

  @Override
  public void head(HTTPResponseHead head) {
    headSeen = true;
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

  @Override
  public void chunk(ByteString data) throws IOException {
    data.writeTo(body());
  }

  @Override
  public void flush() throws IOException {
    body();
    response.flushBuffer();
  }

  private OutputStream body() throws IOException {
    if (body == null) {
      body = response.getOutputStream();
    }
    return body;
  }
}
