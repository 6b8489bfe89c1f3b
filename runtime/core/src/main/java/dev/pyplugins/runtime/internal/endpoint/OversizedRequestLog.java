package dev.pyplugins.runtime.internal.endpoint;

import io.grpc.Metadata;
import io.grpc.ServerStreamTracer;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs an API request the transport refused for its size: which plugin, which method, the limit and the
 * option that sets it. gRPC refuses such a request before any interceptor or the host's API sees it, so this
 * stream tracer is the one place that learns of it. Thread-safe.
 */
final class OversizedRequestLog extends ServerStreamTracer.Factory {
  private static final Logger LOG = LoggerFactory.getLogger(OversizedRequestLog.class);
  // The start of the description grpc-java's deframer gives an oversized message.
  private static final String GRPC_TOO_LARGE = "gRPC message exceeds maximum size";

  private final String pluginId;
  private final int limit;

  OversizedRequestLog(String pluginId, int limit) {
    this.pluginId = pluginId;
    this.limit = limit;
  }

  @Override
  public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
    return new ServerStreamTracer() {
      @Override
      public void streamClosed(Status status) {
        String description = status.getDescription();
        if (status.getCode() == Status.Code.RESOURCE_EXHAUSTED && description != null
            && description.startsWith(GRPC_TOO_LARGE)) {
          LOG.warn("plugin {}: API request {} refused with RESOURCE_EXHAUSTED, unread: larger than the host's limit"
              + " of {} bytes (RuntimeOptions.maxMessageSize); {}", pluginId, fullMethodName, limit, description);
        }
      }
    };
  }
}
