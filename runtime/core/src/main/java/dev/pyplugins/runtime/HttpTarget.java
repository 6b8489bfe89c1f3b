package dev.pyplugins.runtime;

import dev.pyplugins.protocol.v1.HooksClient;
import io.grpc.CallOptions;
import io.grpc.Channel;

/**
 * Where {@link PluginEnvironment#httpTarget} sends an HTTP request: when the plugin runs, its hooks, the
 * channel ServeHTTP goes through and the call's options (the ServeHTTP deadline, if one is configured).
 */
record HttpTarget(Kind kind, HooksClient hooks, Channel channel, CallOptions callOptions) {
  enum Kind { RUNNING, RESTARTING, NOT_FOUND }
}
