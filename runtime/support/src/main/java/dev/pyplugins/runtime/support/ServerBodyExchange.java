package dev.pyplugins.runtime.support;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One server call of {@link ServerBodyCalls}: the request observer gRPC feeds (on its callback thread) and
 * the handler task (on the executor). Only the task sends responses, except for failures before the task
 * starts.
 */
final class ServerBodyExchange<Q, R, H> implements StreamObserver<Q> {

  private static final System.Logger LOG = System.getLogger(ServerBodyExchange.class.getName());

  private final ServerCallStreamObserver<R> responses;
  private final Executor executor;
  private final RequestBodyFormat<Q> requestFormat;
  private final ResponseBodyFormat<R, H> responseFormat;
  private final ServerBodyCalls.BidiHandler<Q, R, H> handler;
  private final ResponseSender<R> sender;
  private final IncomingBody body;
  private boolean started;

  ServerBodyExchange(ServerCallStreamObserver<R> responses, Executor executor, RequestBodyFormat<Q> requestFormat,
      ResponseBodyFormat<R, H> responseFormat, ServerBodyCalls.BidiHandler<Q, R, H> handler) {
    this.responses = responses;
    this.executor = executor;
    this.requestFormat = requestFormat;
    this.responseFormat = responseFormat;
    this.handler = handler;
    this.sender = new ResponseSender<>(responses);
    this.body = new IncomingBody(responses::request);
  }

  /** Takes over the call's flow control; must run while gRPC calls the service method. */
  ServerBodyExchange<Q, R, H> start() {
    responses.disableAutoRequest();
    responses.setOnReadyHandler(sender::signalReady);
    responses.setOnCancelHandler(this::cancelled);
    responses.request(1);
    return this;
  }

  @Override
  public void onNext(Q message) {
    body.accept(requestFormat.chunkOf().apply(message), requestFormat.completeOf().test(message));
    if (!started) {
      started = true;
      try {
        executor.execute(Context.current().wrap(() -> serve(message)));
      } catch (RejectedExecutionException e) {
        LOG.log(Level.ERROR, "no thread to serve a streamed call", e);
        responses.onError(Status.UNAVAILABLE.withDescription("the server is overloaded").asRuntimeException());
      }
    }
  }

  @Override
  public void onError(Throwable t) {
    body.fail(new IOException("the request was cancelled: " + Status.fromThrowable(t)));
  }

  @Override
  public void onCompleted() {
    if (!started) {
      responses.onError(Status.INVALID_ARGUMENT.withDescription("the request stream carried no message")
          .asRuntimeException());
      return;
    }
    body.endOfStream();
  }

  private void cancelled() {
    sender.cancel();
    body.fail(new IOException("the client cancelled the call"));
  }

  private void serve(Q head) {
    R last;
    try {
      BodySink<H> sink = responseFormat == null ? null : new OutgoingBodySink<>(sender, responseFormat);
      last = handler.handle(head, body, sink);
    } catch (IOException | RuntimeException e) {
      if (!sender.isCancelled()) {
        LOG.log(Level.ERROR, "a streamed call failed", e);
        responses.onError(Status.INTERNAL.withDescription("internal error").asRuntimeException());
      }
      return;
    }
    try {
      if (last != null) {
        sender.send(last);
      } else if (responseFormat != null) {
        sender.send(responseFormat.completeMessage());
      } else {
        throw new IllegalStateException("a client-streaming handler returned no response");
      }
      responses.onCompleted();
    } catch (IOException e) {
      // The client went away while we answered: nothing left to tell it.
    } catch (IllegalStateException e) {
      LOG.log(Level.ERROR, "a streamed call failed", e);
      responses.onError(Status.INTERNAL.withDescription("internal error").asRuntimeException());
    }
  }
}
