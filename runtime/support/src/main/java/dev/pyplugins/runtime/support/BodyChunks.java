package dev.pyplugins.runtime.support;

import java.io.IOException;
import java.io.InputStream;

/** The chunking rule of streamed bodies: pieces of at most 64 KiB. */
public final class BodyChunks {

  /** The largest body piece one message carries: 64 KiB. */
  public static final int CHUNK_SIZE = 64 * 1024;

  private BodyChunks() {}

  /**
   * Reads the next piece of a body into {@code buffer}: blocks until at least one byte (or the end) is
   * there, then takes whatever more is available without blocking, up to the buffer's size. Sending what
   * has arrived instead of waiting for a full chunk keeps slow, interactive uploads flowing.
   *
   * @return the number of bytes read, or -1 at the end of the body
   */
  public static int read(InputStream in, byte[] buffer) throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      return n;
    }
    while (n < buffer.length && in.available() > 0) {
      int more = in.read(buffer, n, buffer.length - n);
      if (more < 0) {
        break;
      }
      n += more;
    }
    return n;
  }
}
