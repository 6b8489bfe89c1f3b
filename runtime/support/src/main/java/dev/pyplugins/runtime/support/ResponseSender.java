package dev.pyplugins.runtime.support;

import io.grpc.stub.ServerCallStreamObserver;
import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * Sends response messages of one server call, each only when the call is ready for it, so a client that
 * reads slowly slows the sender down. Used by one sending thread; {@link #signalReady} and {@link #cancel}
 * come from gRPC's callback thread.
 */
final class ResponseSender<R> {

  private final ServerCallStreamObserver<R> responses;
  private final Object monitor = new Object();
  private volatile boolean cancelled;

  ResponseSender(ServerCallStreamObserver<R> responses) {
    this.responses = responses;
  }

  /** Blocks until the call is ready, then sends; throws when the client has cancelled. */
  void send(R message) throws IOException {
    synchronized (monitor) {
      while (!cancelled && !responses.isReady()) {
        try {
          monitor.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting to send a response");
        }
      }
    }
    if (cancelled) {
      throw new IOException("the client cancelled the call");
    }
    responses.onNext(message);
  }

  boolean isCancelled() {
    return cancelled || responses.isCancelled();
  }

  void signalReady() {
    synchronized (monitor) {
      monitor.notifyAll();
    }
  }

  void cancel() {
    cancelled = true;
    signalReady();
  }
}
