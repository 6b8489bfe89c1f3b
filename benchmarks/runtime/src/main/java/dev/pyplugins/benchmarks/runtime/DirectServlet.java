package dev.pyplugins.benchmarks.runtime;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The host's HTTP rate without a plugin, for context: {@code POST .../upload} counts the body in 64 KiB
 * reads and answers the count, {@code GET .../download?bytes=N} writes N bytes in 64 KiB writes.
 */
final class DirectServlet extends HttpServlet {
  private static final byte[] CHUNK = HttpBenchmark.chunk();

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    long total = 0;
    byte[] buffer = new byte[CHUNK.length];
    try (InputStream in = request.getInputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        total += n;
      }
    }
    response.getOutputStream().write(Long.toString(total).getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    long size = Long.parseLong(request.getParameter("bytes"));
    response.setContentLengthLong(size);
    OutputStream out = response.getOutputStream();
    while (size > 0) {
      int n = (int) Math.min(size, CHUNK.length);
      out.write(CHUNK, 0, n);
      size -= n;
    }
  }
}
