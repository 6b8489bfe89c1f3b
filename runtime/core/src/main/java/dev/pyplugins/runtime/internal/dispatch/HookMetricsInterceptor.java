package dev.pyplugins.runtime.internal.dispatch;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;

/**
 * Times every call on one plugin's hooks channel, from start to close, into the {@link CallRecorder} under
 * the RPC's name; a call that ends with a status other than OK counts as an error. Seeing the calls on the
 * channel counts the failures that hooks clients swallow (the "Will" hooks fail open). Thread-safe.
 */
public final class HookMetricsInterceptor implements ClientInterceptor {
  private final String pluginId;
  private final CallRecorder recorder;

  public HookMetricsInterceptor(String pluginId, CallRecorder recorder) {
    this.pluginId = pluginId;
    this.recorder = recorder;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions callOptions, Channel next) {
    String rpcName = method.getBareMethodName();
    return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, callOptions)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        long started = System.nanoTime();
        super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
          @Override
          public void onClose(Status status, Metadata trailers) {
            recorder.hookCalled(pluginId, rpcName, System.nanoTime() - started, !status.isOk());
            super.onClose(status, trailers);
          }
        }, headers);
      }
    };
  }
}
