package dev.pyplugins.runtime.support;

import io.grpc.Context;
import java.util.Objects;
import java.util.Optional;

/**
 * The plugin calling the Plugin API, as authenticated by the host (from the endpoint and credential it
 * called with, never from the request's own {@code plugin_id}). The runtime's server interceptor attaches
 * it to the call's {@link Context}; generated API servers and host {@code PluginApi} implementations read it
 * with {@link #current()}. The Context propagates it to the threads that serve streamed calls. Immutable.
 *
 * @param pluginId the manifest id of the calling plugin
 */
public record PluginCaller(String pluginId) {

  private static final Context.Key<PluginCaller> KEY = Context.key("pyplugins-plugin-caller");

  public PluginCaller {
    Objects.requireNonNull(pluginId, "pluginId");
    if (pluginId.isBlank()) {
      throw new IllegalArgumentException("a plugin caller needs a non-blank plugin id");
    }
  }

  /** The caller of the call being served on this thread; empty outside a call or on an unauthenticated endpoint. */
  public static Optional<PluginCaller> current() {
    return Optional.ofNullable(KEY.get());
  }

  /** {@code context} with this caller attached: what a server interceptor hands to {@code Contexts.interceptCall}. */
  public Context attachTo(Context context) {
    return context.withValue(KEY, this);
  }
}
