package dev.pyplugins.runtime.internal.endpoint;

import dev.pyplugins.runtime.internal.dispatch.CallRecorder;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/** Times every Plugin API call one plugin makes, from its arrival to its close, into the {@link CallRecorder}. */
final class ApiCallInterceptor implements ServerInterceptor {
  private final String pluginId;
  private final CallRecorder recorder;

  ApiCallInterceptor(String pluginId, CallRecorder recorder) {
    this.pluginId = pluginId;
    this.recorder = recorder;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    long started = System.nanoTime();
    String rpcName = call.getMethodDescriptor().getBareMethodName();
    return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
      @Override
      public void close(Status status, Metadata trailers) {
        recorder.apiCalled(pluginId, rpcName, System.nanoTime() - started, !status.isOk());
        super.close(status, trailers);
      }
    }, headers);
  }
}
