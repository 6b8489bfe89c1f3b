package dev.pyplugins.runtime.support;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Receives a streamed response: one head and a body in chunks.
 *
 * <p>Call order: {@link #head} at most once; for HTTP-like RPCs (ServeHTTP) before any chunk, for RPCs whose
 * head is a verdict on the body (FileWillBeUploaded) with or after the last chunk. {@link #chunk} and
 * {@link #flush} any number of times. There is no end call: the body is complete when the method that was
 * given the sink returns normally.
 *
 * <p>A sink is used by one thread at a time and is not thread-safe. Its methods may block; a blocking
 * {@link #chunk} is how backpressure reaches the sender, which is held back until the call returns. An
 * {@link IOException} means the receiver is gone (for example the HTTP client disconnected): the streaming
 * call is then cancelled, so the other side sees the cancellation. The sink never closes what it writes to;
 * its owner does.
 *
 * @param <H> the head type, such as {@code HTTPResponseHead}
 */
public interface BodySink<H> {

  /** Receives the head (status and headers, or a verdict). */
  void head(H head) throws IOException;

  /** Receives the next piece of the body, at most {@link BodyChunks#CHUNK_SIZE} bytes when it comes off the wire. */
  void chunk(ByteString data) throws IOException;

  /** Asks the receiver to pass on what it has buffered so far (server-sent events). */
  void flush() throws IOException;

  /**
   * This sink as an {@link OutputStream} for the body: writes are gathered into chunks of
   * {@link BodyChunks#CHUNK_SIZE} bytes, {@code flush()} sends the pending bytes and then {@link #flush()},
   * {@code close()} sends the pending bytes. Write the head through the sink before the first byte when the
   * RPC wants it first.
   */
  default OutputStream asOutputStream() {
    return new BodySinkOutputStream(this);
  }
}
