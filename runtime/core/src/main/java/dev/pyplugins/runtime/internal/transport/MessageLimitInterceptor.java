package dev.pyplugins.runtime.internal.transport;

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
 * Turns gRPC's RESOURCE_EXHAUSTED for a plugin's answer over the size limit ("gRPC message exceeds maximum
 * size N: M", refused by the transport before the message is read) into a status that also names the option
 * to raise, so the failed hook's {@code HookCallException} tells a host developer what happened and what to
 * change. Other statuses pass unchanged. Stateless.
 */
final class MessageLimitInterceptor implements ClientInterceptor {
  /** The start of the description grpc-java's deframer gives an oversized message. */
  static final String GRPC_TOO_LARGE = "gRPC message exceeds maximum size";

  private final int limit;

  MessageLimitInterceptor(int limit) {
    this.limit = limit;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
          @Override
          public void onClose(Status status, Metadata trailers) {
            super.onClose(explain(status, method.getBareMethodName()), trailers);
          }
        }, headers);
      }
    };
  }

  Status explain(Status status, String rpc) {
    String description = status.getDescription();
    if (status.getCode() != Status.Code.RESOURCE_EXHAUSTED || description == null
        || !description.startsWith(GRPC_TOO_LARGE)) {
      return status;
    }
    return status.withDescription("the plugin's " + rpc + " answer is larger than the host's limit of " + limit
        + " bytes (RuntimeOptions.maxMessageSize) and was refused unread; " + description);
  }
}
