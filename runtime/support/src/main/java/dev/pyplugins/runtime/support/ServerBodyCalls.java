package dev.pyplugins.runtime.support;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executor;

/**
 * The server side of RPCs that stream a request body (and, for bidirectional ones, a response body), for
 * generated services: the service method returns what these return.
 *
 * <p>The first request message is the head; the handler runs on the given executor (never on gRPC's
 * callback thread, which must stay free to deliver the body) in the call's {@link io.grpc.Context}, so
 * {@link PluginCaller#current()} works there. It gets the body as an {@link InputStream} that asks gRPC for
 * the next message only as it is read: a handler that reads slowly slows the client down. The sink of a
 * bidirectional call sends each message only when the call is ready, blocking otherwise. The handler may
 * answer before it has read the whole body; whatever it did not read is dropped when the call completes.
 *
 * <p>When the client cancels, a blocked or later read of the body throws {@link IOException} and so does the
 * sink. A body that ends without {@code body_complete} throws {@link IOException} once the bytes that did
 * arrive have been read. An exception escaping the handler fails the call with status INTERNAL and a
 * generic description (generated handlers turn their errors into response messages before that).
 */
public final class ServerBodyCalls {

  /** Handles a client-streaming call: returns the one response. */
  @FunctionalInterface
  public interface ClientStreamHandler<Q, R> {
    R handle(Q head, InputStream body) throws IOException;
  }

  /**
   * Handles a bidirectional call: writes the response head and body to the sink and returns {@code null},
   * which ends the response body with {@code body_complete}, or returns a message to end the call with
   * instead (such as one carrying an error).
   */
  @FunctionalInterface
  public interface BidiHandler<Q, R, H> {
    R handle(Q head, InputStream body, BodySink<H> sink) throws IOException;
  }

  private ServerBodyCalls() {}

  /** Serves a client-streaming call. */
  public static <Q, R> StreamObserver<Q> clientStream(StreamObserver<R> responses, Executor executor,
      RequestBodyFormat<Q> requestFormat, ClientStreamHandler<Q, R> handler) {
    return new ServerBodyExchange<Q, R, Void>(serverSide(responses), executor, requestFormat, null,
        (head, body, sink) -> handler.handle(head, body)).start();
  }

  /** Serves a bidirectional call. */
  public static <Q, R, H> StreamObserver<Q> bidi(StreamObserver<R> responses, Executor executor,
      RequestBodyFormat<Q> requestFormat, ResponseBodyFormat<R, H> responseFormat, BidiHandler<Q, R, H> handler) {
    return new ServerBodyExchange<>(serverSide(responses), executor, requestFormat, responseFormat, handler).start();
  }

  private static <R> ServerCallStreamObserver<R> serverSide(StreamObserver<R> responses) {
    if (responses instanceof ServerCallStreamObserver<R> serverSide) {
      return serverSide;
    }
    throw new IllegalArgumentException("expected the response observer gRPC hands to a service method, got "
        + responses.getClass().getName());
  }
}
