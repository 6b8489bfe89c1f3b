package dev.pyplugins.runtime.internal.logging;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads a byte stream to its end as lines of at most {@code limit} bytes (see {@link LineSplitter}), so a
 * plugin writing without newlines never stalls the reader and so never blocks on a full pipe. Not
 * thread-safe: one reader thread per stream.
 */
public final class BoundedLineReader {
  private final LineSplitter splitter;

  public BoundedLineReader(int limit, Consumer<String> lines) {
    this.splitter = new LineSplitter(limit, lines);
  }

  /** Reads {@code in} to its end (or an I/O error), passing on every line; a last unterminated one too. */
  public void drain(InputStream in) throws IOException {
    byte[] chunk = new byte[8192];
    int n;
    while ((n = in.read(chunk)) >= 0) {
      splitter.accept(chunk, 0, n);
    }
    splitter.finish();
  }
}
