package dev.pyplugins.runtime.support;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One blocking client call of a client-streaming or bidirectional RPC that follows the body convention: it
 * sends a head and a request body, and receives responses, with flow control both ways.
 *
 * <p>Threads: the calling thread receives the responses and hands each to the {@link ResponseHandler},
 * asking gRPC for another only after the handler returns, with at most {@value #PREFETCH} on their way,
 * so a slow handler slows the server down. A
 * task on the pump executor sends the head, then the body read from the {@code InputStream} in pieces of at
 * most {@link BodyChunks#CHUNK_SIZE} bytes, each only once the call is ready, then the
 * {@code body_complete} message and the half-close. Responses may arrive before the body is sent; when the
 * server ends the call the pump stops sending. {@link #run} returns only after the pump has left the body
 * stream, so the caller may close or recycle the stream afterwards; the caller owns it and closes it.
 *
 * <p>Failures: a handler exception (for example an {@link IOException} because the receiver is gone)
 * cancels the call, so the server sees the cancellation, and is rethrown. An {@link IOException} reading
 * the body cancels the call and is rethrown. An interrupt cancels the call and throws
 * {@link InterruptedIOException} with the interrupt flag kept. A call that ends with a non-OK status throws
 * {@link io.grpc.StatusRuntimeException}.
 *
 * @param <Q> the request message type
 * @param <R> the response message type
 */
public final class ClientBodyCall<Q, R> {

  /** Receives each response on the calling thread; may block, which holds back further responses. */
  @FunctionalInterface
  public interface ResponseHandler<R> {
    void onResponse(R response) throws IOException;
  }

  private sealed interface Event<R> {}

  private record Received<R>(R message) implements Event<R> {}

  private record Closed<R>(Status status, Metadata trailers) implements Event<R> {}

  /**
   * Responses gRPC may hand over before the handler asks for them: enough that the transport keeps
   * receiving while the handler writes one out (asking only after each would stall the stream on every
   * thread switch), few enough to bound what waits in memory (4 × 64 KiB for a body).
   */
  static final int PREFETCH = 4;

  private final ClientCall<Q, R> call;
  private final BlockingQueue<Event<R>> inbox = new LinkedBlockingQueue<>();
  /** Serialises every method of the (not thread-safe) call except {@code request}, which is thread-safe. */
  private final ReentrantLock callLock = new ReentrantLock();
  private final Object readiness = new Object();
  private boolean readySignalled;
  private volatile boolean stopped;

  private ClientBodyCall(ClientCall<Q, R> call) {
    this.call = call;
  }

  /**
   * Runs the call to its end.
   *
   * @param head the first request message: the parameters, without body
   * @param body the request body; read on a pump thread, never closed here
   * @param handler receives every response message, in order, on the calling thread
   */
  public static <Q, R> void run(Channel channel, MethodDescriptor<Q, R> method, CallOptions options,
      Executor pumpExecutor, Q head, InputStream body, RequestBodyFormat<Q> format,
      ResponseHandler<? super R> handler) throws IOException {
    new ClientBodyCall<>(channel.newCall(method, options)).execute(pumpExecutor, head, body, format, handler);
  }

  private void execute(Executor pumpExecutor, Q head, InputStream body, RequestBodyFormat<Q> format,
      ResponseHandler<? super R> handler) throws IOException {
    call.start(new Listener(), new Metadata());
    call.request(PREFETCH);
    RequestBodyPump<Q> pump = new RequestBodyPump<>(this, head, body, format);
    CompletableFuture<Void> pumping;
    try {
      pumping = CompletableFuture.runAsync(pump, pumpExecutor);
    } catch (RejectedExecutionException e) {
      cancel("no thread to send the request body", e);
      throw new IOException("no thread to send the request body", e);
    }
    boolean interrupted = false;
    try {
      receive(handler, pump);
    } catch (InterruptedIOException e) {
      interrupted = true;
      throw e;
    } finally {
      stopSending();
      if (!interrupted) {
        awaitPump(pumping);
      }
    }
  }

  private void receive(ResponseHandler<? super R> handler, RequestBodyPump<Q> pump) throws IOException {
    while (true) {
      Event<R> event = next();
      if (event instanceof Closed<R> closed) {
        if (closed.status().isOk()) {
          return;
        }
        IOException bodyFailure = pump.failure();
        if (bodyFailure != null) {
          throw bodyFailure;
        }
        throw closed.status().asRuntimeException(closed.trailers());
      }
      Received<R> received = (Received<R>) event;
      try {
        handler.onResponse(received.message());
      } catch (IOException | RuntimeException | Error e) {
        cancel("the response could not be delivered", e);
        throw e;
      }
      call.request(1);
    }
  }

  private Event<R> next() throws InterruptedIOException {
    try {
      return inbox.take();
    } catch (InterruptedException e) {
      cancel("interrupted while waiting for the response", e);
      Thread.currentThread().interrupt();
      InterruptedIOException failure = new InterruptedIOException("interrupted while waiting for the response");
      failure.initCause(e);
      throw failure;
    }
  }

  private static void awaitPump(CompletableFuture<Void> pumping) {
    try {
      pumping.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // The pump records its own failures; nothing else can escape it.
    }
  }

  /**
   * Sends one message once the call is ready for it.
   *
   * @return false when the call has ended and nothing more may be sent
   */
  boolean send(Q message) throws InterruptedException {
    while (true) {
      synchronized (readiness) {
        readySignalled = false;
      }
      callLock.lock();
      try {
        if (stopped) {
          return false;
        }
        if (call.isReady()) {
          call.sendMessage(message);
          return true;
        }
      } finally {
        callLock.unlock();
      }
      synchronized (readiness) {
        while (!readySignalled && !stopped) {
          readiness.wait();
        }
      }
    }
  }

  /** Ends the request stream, unless the call has ended already. */
  void halfClose() {
    callLock.lock();
    try {
      if (!stopped) {
        call.halfClose();
      }
    } finally {
      callLock.unlock();
    }
  }

  /** Cancels the call, so the server sees the cancellation, and stops the pump. */
  void cancel(String reason, Throwable cause) {
    callLock.lock();
    try {
      call.cancel(reason, cause);
    } finally {
      callLock.unlock();
    }
    stopSending();
  }

  private void stopSending() {
    stopped = true;
    wakeSender();
  }

  private void wakeSender() {
    synchronized (readiness) {
      readySignalled = true;
      readiness.notifyAll();
    }
  }

  private final class Listener extends ClientCall.Listener<R> {
    @Override
    public void onMessage(R message) {
      inbox.add(new Received<>(message));
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      stopSending();
      inbox.add(new Closed<>(status, trailers));
    }

    @Override
    public void onReady() {
      wakeSender();
    }
  }
}
