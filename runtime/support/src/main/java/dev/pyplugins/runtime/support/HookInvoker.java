package dev.pyplugins.runtime.support;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Makes hook calls for a generated hooks client: the deadline from {@link HookCallOptions} on every call,
 * transport failures as {@link HookCallException}, streamed bodies through {@link ClientBodyCall}. All calls
 * block the calling thread. Thread-safe; holds no resources (the channel belongs to the caller).
 */
public final class HookInvoker {

  private final Channel channel;
  private final HookCallOptions options;

  public HookInvoker(Channel channel, HookCallOptions options) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Calls a unary hook.
   *
   * @throws HookCallException when the call fails in transport, including a missed deadline
   */
  public <Q, R> R unary(MethodDescriptor<Q, R> method, Q request) {
    try {
      return ClientCalls.blockingUnaryCall(channel, method, callOptions(method, false), request);
    } catch (StatusRuntimeException e) {
      throw new HookCallException(method.getBareMethodName(), e.getStatus(), e);
    }
  }

  /**
   * Calls a hook that streams a request body and answers once.
   *
   * @throws IOException when the body cannot be read (the call is cancelled)
   * @throws HookCallException when the call fails in transport
   */
  public <Q, R> R clientStream(MethodDescriptor<Q, R> method, Q head, InputStream body,
      RequestBodyFormat<Q> requestFormat) throws IOException {
    AtomicReference<R> answer = new AtomicReference<>();
    stream(method, head, body, requestFormat, answer::set);
    if (answer.get() == null) {
      throw new HookCallException(method.getBareMethodName(),
          Status.INTERNAL.withDescription("the plugin sent no response"), null);
    }
    return answer.get();
  }

  /**
   * Calls a hook that streams both ways: the request body goes out as it is read, the response head and
   * body go to the sink as they arrive, and the call returns when the response is complete.
   *
   * @param errorOf the business error a response message carries, as an exception to throw, or
   *     {@code null} when it carries none
   * @throws IOException when the body cannot be read or the sink fails (the call is cancelled)
   * @throws HookCallException when the call fails in transport
   */
  public <Q, R, H> void bidi(MethodDescriptor<Q, R> method, Q head, InputStream body,
      BodySink<H> sink, RequestBodyFormat<Q> requestFormat, ResponseBodyFormat<R, H> responseFormat,
      Function<R, ? extends RuntimeException> errorOf) throws IOException {
    stream(method, head, body, requestFormat, response -> {
      RuntimeException error = errorOf.apply(response);
      if (error != null) {
        throw error;
      }
      H responseHead = responseFormat.headOf().apply(response);
      if (responseHead != null) {
        sink.head(responseHead);
      }
      if (!responseFormat.chunkOf().apply(response).isEmpty()) {
        sink.chunk(responseFormat.chunkOf().apply(response));
      }
      if (responseFormat.flushOf().test(response)) {
        sink.flush();
      }
    });
  }

  private <Q, R> void stream(MethodDescriptor<Q, R> method, Q head, InputStream body,
      RequestBodyFormat<Q> requestFormat, ClientBodyCall.ResponseHandler<R> handler) throws IOException {
    try {
      ClientBodyCall.run(channel, method, callOptions(method, true), options.bodyExecutor(), head, body,
          requestFormat, handler);
    } catch (StatusRuntimeException e) {
      throw new HookCallException(method.getBareMethodName(), e.getStatus(), e);
    }
  }

  /** The call's deadline, looked up by the hook's RPC name (the descriptor's bare method name). */
  private CallOptions callOptions(MethodDescriptor<?, ?> method, boolean streaming) {
    Optional<Duration> deadline = options.deadline(method.getBareMethodName(), streaming);
    return deadline.map(d -> CallOptions.DEFAULT.withDeadlineAfter(d.toNanos(), TimeUnit.NANOSECONDS))
        .orElse(CallOptions.DEFAULT);
  }
}
