package dev.pyplugins.runtime;

import dev.pyplugins.protocol.v1.HookName;
import java.time.Duration;

/**
 * Told of every call between the host and its plugins as it finishes, for a host's own metrics (Prometheus
 * histograms, say): each hook call the host made on a plugin and each Plugin API call a plugin made on the
 * host. Called on gRPC threads, concurrently; must be quick and must not block. An exception it throws is
 * logged and ignored. Both methods do nothing unless overridden.
 */
public interface PluginCallListener {

  /**
   * A hook call on a plugin ended.
   *
   * @param failed the call ended with a gRPC status other than OK (deadline, crash, unreachable)
   */
  default void hookCalled(String pluginId, HookName hook, Duration latency, boolean failed) {}

  /**
   * A Plugin API call from a plugin ended.
   *
   * @param rpcName the API method, such as {@code CreatePost}
   * @param failed the call ended with a gRPC status other than OK (an AppError answer is not a failure)
   */
  default void apiCalled(String pluginId, String rpcName, Duration latency, boolean failed) {}
}
