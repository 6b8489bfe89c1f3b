package dev.pyplugins.benchmarks.runtime;

import com.google.protobuf.ByteString;
import dev.pyplugins.protocol.v1.HTTPRequestHead;
import dev.pyplugins.protocol.v1.HTTPResponseHead;
import dev.pyplugins.protocol.v1.Hooks;
import dev.pyplugins.runtime.support.BodySink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * ServeHTTP through the runtime without an HTTP server: the generated hooks client's {@code serveHTTP}
 * called straight from Java, with a request body made in memory and a sink that counts the response. Its
 * rate next to the full HTTP path shows what the HTTP hop (client and Jetty, on the same cores) costs, and
 * next to the floor what the runtime's streaming and the SDK cost.
 */
final class BridgeStreams {
  private final Hooks hooks;

  BridgeStreams(Hooks hooks) {
    this.hooks = hooks;
  }

  /** Streams {@code size} bytes to the plugin's {@code /upload}; the byte count it answered. */
  long upload(long size) throws IOException {
    Collected answer = new Collected();
    hooks.serveHTTP(Payloads.pluginContext(), HTTPRequestHead.newBuilder().setMethod("POST").setUrl("/upload")
        .build(), new PatternBody(size), answer);
    return Long.parseLong(answer.text().strip());
  }

  /** Asks the plugin's {@code /download} for {@code size} bytes; the bytes received. */
  long download(long size) throws IOException {
    Counted counted = new Counted();
    hooks.serveHTTP(Payloads.pluginContext(), HTTPRequestHead.newBuilder().setMethod("GET")
        .setUrl("/download?bytes=" + size).build(), InputStream.nullInputStream(), counted);
    return counted.bytes;
  }

  /** {@code size} bytes of the 64 KiB pattern, handed out without copying more than a read asks for. */
  private static final class PatternBody extends InputStream {
    private final byte[] chunk = HttpBenchmark.chunk();
    private long left;

    PatternBody(long size) {
      this.left = size;
    }

    @Override
    public int read() {
      if (left == 0) {
        return -1;
      }
      left--;
      return chunk[(int) (left % chunk.length)] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left == 0) {
        return -1;
      }
      int n = (int) Math.min(Math.min(len, chunk.length), left);
      System.arraycopy(chunk, 0, b, off, n);
      left -= n;
      return n;
    }
  }

  private static final class Counted implements BodySink<HTTPResponseHead> {
    long bytes;

    @Override
    public void head(HTTPResponseHead head) {}

    @Override
    public void chunk(ByteString data) {
      bytes += data.size();
    }

    @Override
    public void flush() {}
  }

  private static final class Collected implements BodySink<HTTPResponseHead> {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    @Override
    public void head(HTTPResponseHead head) {}

    @Override
    public void chunk(ByteString data) throws IOException {
      data.writeTo(body);
    }

    @Override
    public void flush() {}

    String text() {
      return body.toString(StandardCharsets.US_ASCII);
    }
  }
}
