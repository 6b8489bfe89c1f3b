package dev.pyplugins.runtime.internal.http;

import com.google.protobuf.ByteOutput;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A {@code ByteString}'s bytes as one array slice, for a single write to a non-blocking output stream (which
 * allows one write per readiness). A ByteString of one piece (what parsing a message gives) is read in place,
 * without the copy of {@code toByteArray()}; safe because a ByteString is never changed and the container
 * only reads what it is given. Anything else is copied once.
 */
final class ByteSlice extends ByteOutput {
  private byte[] array;
  private int offset;
  private int length;
  private int pieces;

  private ByteSlice() {}

  static ByteSlice of(ByteString bytes) {
    ByteSlice slice = new ByteSlice();
    try {
      UnsafeByteOperations.unsafeWriteTo(bytes, slice);
    } catch (IOException e) {
      throw new AssertionError("ByteSlice does not fail", e);
    }
    if (slice.pieces != 1) {
      slice.set(bytes.toByteArray(), 0, bytes.size());
    }
    return slice;
  }

  byte[] array() {
    return array;
  }

  int offset() {
    return offset;
  }

  int length() {
    return length;
  }

  private void set(byte[] value, int from, int count) {
    array = value;
    offset = from;
    length = count;
    pieces++;
  }

  @Override
  public void write(byte value) {
    set(new byte[] {value}, 0, 1);
  }

  @Override
  public void write(byte[] value, int from, int count) {
    set(value, from, count);
  }

  @Override
  public void writeLazy(byte[] value, int from, int count) {
    set(value, from, count);
  }

  @Override
  public void write(ByteBuffer value) {
    if (value.hasArray()) {
      set(value.array(), value.arrayOffset() + value.position(), value.remaining());
    } else {
      byte[] copy = new byte[value.remaining()];
      value.duplicate().get(copy);
      set(copy, 0, copy.length);
    }
  }

  @Override
  public void writeLazy(ByteBuffer value) {
    write(value);
  }
}
