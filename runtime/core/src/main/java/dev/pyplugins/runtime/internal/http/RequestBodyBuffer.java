package dev.pyplugins.runtime.internal.http;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import dev.pyplugins.runtime.support.BodyChunks;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * Gathers a request body's bytes into messages of up to {@link BodyChunks#CHUNK_SIZE}: the container hands
 * them over in pieces of its input buffer (often 8 KiB), and one gRPC message per piece cost the upload most
 * of its speed. Not thread-safe: {@link HttpExchange} calls it under its lock.
 */
final class RequestBodyBuffer {
  private byte[] buffer = new byte[BodyChunks.CHUNK_SIZE];
  private int filled;
  private boolean ended;

  /**
   * Reads while the client has bytes ready (non-blocking), up to a full buffer.
   *
   * @return true when the buffer is full; false when the client has nothing ready now or the body ended
   */
  boolean fill(ServletInputStream in) throws IOException {
    while (filled < buffer.length) {
      if (!in.isReady()) {
        return false;
      }
      int n = in.read(buffer, filled, buffer.length - filled);
      if (n < 0) {
        ended = true;
        return false;
      }
      filled += n;
    }
    return true;
  }

  /** Whether the whole body has been read (what is buffered may still have to go). */
  boolean ended() {
    return ended;
  }

  boolean isEmpty() {
    return filled == 0;
  }

  /** The buffered bytes, emptying the buffer: a full one is handed over as it is (no copy) and replaced. */
  ByteString take() {
    ByteString chunk;
    if (filled == buffer.length) {
      chunk = UnsafeByteOperations.unsafeWrap(buffer);
      buffer = new byte[BodyChunks.CHUNK_SIZE];
    } else {
      chunk = ByteString.copyFrom(buffer, 0, filled);
    }
    filled = 0;
    return chunk;
  }
}
