package dev.pyplugins.runtime.internal.http;

import com.google.common.util.concurrent.MoreExecutors;
import dev.pyplugins.protocol.v1.PluginHooksGrpc;
import dev.pyplugins.protocol.v1.ServeHTTPRequest;
import dev.pyplugins.protocol.v1.ServeHTTPResponse;
import dev.pyplugins.runtime.support.BodyChunks;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;

/** The ServeHTTP call of one {@link HttpExchange}, with the options a streamed body moves fastest with. */
final class ServeHttpCall {
  /**
   * Body bytes the call may have buffered and still be ready for more: a few messages, so the reader keeps
   * going while the transport (TLS included) works through the last ones, rather than one hand-off each.
   */
  static final int ON_READY_THRESHOLD = 4 * BodyChunks.CHUNK_SIZE;

  private ServeHttpCall() {}

  /**
   * A new call whose callbacks run on the transport's thread: the exchange's steps never block, and a hop
   * to gRPC's callback pool per message cost more than the work (the bridge went from 0.8x of a bare
   * stream to above it).
   */
  static ClientCall<ServeHTTPRequest, ServeHTTPResponse> open(Channel channel, CallOptions options) {
    return channel.newCall(PluginHooksGrpc.getServeHTTPMethod(),
        options.withOnReadyThreshold(ON_READY_THRESHOLD).withExecutor(MoreExecutors.directExecutor()));
  }
}
