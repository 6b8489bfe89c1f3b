package dev.pyplugins.runtime.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A body of a given length with a recognisable byte pattern, counting what has been read; optionally failing
 * after some bytes, as a dying upload would.
 */
final class PatternStream extends InputStream {

  private final long length;
  private final long failAfter;
  private final AtomicLong read = new AtomicLong();

  PatternStream(long length) {
    this(length, Long.MAX_VALUE);
  }

  PatternStream(long length, long failAfter) {
    this.length = length;
    this.failAfter = failAfter;
  }

  static byte at(long position) {
    return (byte) (position * 31 + position / 7);
  }

  long bytesRead() {
    return read.get();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int len) throws IOException {
    long position = read.get();
    if (position >= failAfter) {
      throw new IOException("the upload broke off");
    }
    if (position >= length) {
      return -1;
    }
    int n = (int) Math.min(len, Math.min(length, failAfter) - position);
    for (int i = 0; i < n; i++) {
      buffer[offset + i] = at(position + i);
    }
    read.addAndGet(n);
    return n;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, Math.min(length, failAfter) - read.get()));
  }
}
