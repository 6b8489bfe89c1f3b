package dev.pyplugins.runtime.internal.logging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts bytes fed in pieces into lines of at most {@code limit} bytes: a longer line is passed on in pieces of
 * {@code limit} bytes, so memory stays bounded whatever a plugin writes. {@code \r\n} and {@code \n} end
 * lines; bytes are decoded as UTF-8 with malformed input replaced. Not thread-safe: one per stream.
 */
public final class LineSplitter {
  private final int limit;
  private final Consumer<String> lines;
  private byte[] line;
  private int length;

  public LineSplitter(int limit, Consumer<String> lines) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    this.limit = limit;
    this.lines = lines;
    this.line = new byte[Math.min(limit, 8192)];
  }

  /** Feeds {@code n} bytes of {@code chunk} from {@code offset}; complete lines are passed on at once. */
  public void accept(byte[] chunk, int offset, int n) {
    for (int i = offset; i < offset + n; i++) {
      byte b = chunk[i];
      if (b == '\n') {
        emit();
        continue;
      }
      if (length == limit) {
        emit();
      }
      if (length == line.length) {
        line = Arrays.copyOf(line, Math.min(limit, line.length * 2));
      }
      line[length++] = b;
    }
  }

  /** The stream ended: passes on a last unterminated line, if any. */
  public void finish() {
    if (length > 0) {
      emit();
    }
  }

  private void emit() {
    int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
    String text = new String(line, 0, end, StandardCharsets.UTF_8);
    length = 0;
    lines.accept(text);
  }
}
