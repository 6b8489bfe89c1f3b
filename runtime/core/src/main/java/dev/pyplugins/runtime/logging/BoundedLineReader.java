package dev.pyplugins.runtime.logging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits a byte stream into lines of at most {@code limit} bytes: a longer line is passed on in pieces of
 * {@code limit} bytes, so memory stays bounded and a plugin writing without newlines never stalls the
 * reader (and so never blocks on a full pipe). {@code \r\n} and {@code \n} end lines; bytes are decoded
 * as UTF-8 with malformed input replaced. Not thread-safe: one reader thread per stream.
 */
public final class BoundedLineReader {
  private final int limit;
  private final Consumer<String> lines;

  public BoundedLineReader(int limit, Consumer<String> lines) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    this.limit = limit;
    this.lines = lines;
  }

  /** Reads {@code in} to its end (or an I/O error), passing on every line; a last unterminated one too. */
  public void drain(InputStream in) throws IOException {
    byte[] chunk = new byte[8192];
    byte[] line = new byte[Math.min(limit, 8192)];
    int length = 0;
    int n;
    while ((n = in.read(chunk)) >= 0) {
      for (int i = 0; i < n; i++) {
        byte b = chunk[i];
        if (b == '\n') {
          emit(line, length);
          length = 0;
          continue;
        }
        if (length == limit) {
          emit(line, length);
          length = 0;
        }
        if (length == line.length) {
          line = Arrays.copyOf(line, Math.min(limit, line.length * 2));
        }
        line[length++] = b;
      }
    }
    if (length > 0) {
      emit(line, length);
    }
  }

  private void emit(byte[] bytes, int length) {
    int end = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
    lines.accept(new String(bytes, 0, end, StandardCharsets.UTF_8));
  }
}
