package dev.pyplugins.runtime.support;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The body of a {@link BodySink} as an {@link OutputStream}, gathering small writes into chunks of
 * {@link BodyChunks#CHUNK_SIZE} bytes. Not thread-safe, like the sink. {@link #close()} sends what is pending
 * and does not close the sink's own destination.
 */
final class BodySinkOutputStream extends OutputStream {

  private final BodySink<?> sink;
  private final byte[] pending = new byte[BodyChunks.CHUNK_SIZE];
  private int size;
  private boolean closed;

  BodySinkOutputStream(BodySink<?> sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  @Override
  public void write(int b) throws IOException {
    ensureOpen();
    pending[size++] = (byte) b;
    if (size == pending.length) {
      sendPending();
    }
  }

  @Override
  public void write(byte[] data, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, data.length);
    ensureOpen();
    while (length > 0) {
      int n = Math.min(length, pending.length - size);
      System.arraycopy(data, offset, pending, size, n);
      size += n;
      offset += n;
      length -= n;
      if (size == pending.length) {
        sendPending();
      }
    }
  }

  @Override
  public void flush() throws IOException {
    ensureOpen();
    sendPending();
    sink.flush();
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      sendPending();
      closed = true;
    }
  }

  private void sendPending() throws IOException {
    if (size > 0) {
      sink.chunk(ByteString.copyFrom(pending, 0, size));
      size = 0;
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("the body stream is closed");
    }
  }
}
