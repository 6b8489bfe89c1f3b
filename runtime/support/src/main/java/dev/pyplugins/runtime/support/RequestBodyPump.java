package dev.pyplugins.runtime.support;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.InputStream;

/**
 * The sending half of a {@link ClientBodyCall}: head, body pieces, {@code body_complete}, half-close, each
 * sent only when the call is ready. Runs once, on a pump thread; stops as soon as the call has ended.
 */
final class RequestBodyPump<Q> implements Runnable {

  private final ClientBodyCall<Q, ?> call;
  private final Q head;
  private final InputStream body;
  private final RequestBodyFormat<Q> format;
  private volatile IOException failure;

  RequestBodyPump(ClientBodyCall<Q, ?> call, Q head, InputStream body, RequestBodyFormat<Q> format) {
    this.call = call;
    this.head = head;
    this.body = body;
    this.format = format;
  }

  @Override
  public void run() {
    try {
      if (!call.send(head)) {
        return;
      }
      byte[] buffer = new byte[BodyChunks.CHUNK_SIZE];
      for (int n = BodyChunks.read(body, buffer); n >= 0; n = BodyChunks.read(body, buffer)) {
        if (n > 0 && !call.send(format.chunkMessage().apply(ByteString.copyFrom(buffer, 0, n)))) {
          return;
        }
      }
      if (call.send(format.completeMessage())) {
        call.halfClose();
      }
    } catch (IOException e) {
      failure = e;
      call.cancel("the request body could not be read", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      call.cancel("interrupted while sending the request body", e);
    } catch (RuntimeException e) {
      failure = new IOException("the request body could not be sent", e);
      call.cancel("the request body could not be sent", e);
    }
  }

  /** What stopped the body from being read, if anything did. */
  IOException failure() {
    return failure;
  }
}
