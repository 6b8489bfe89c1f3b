package dev.pyplugins.runtime.internal.logging;

/** Receives a plugin's log events. Implementations must be thread-safe: stderr, stdout and GRPCStdio
 * arrive on different threads. */
@FunctionalInterface
public interface PluginLogSink {
  void log(PluginLogEntry entry);
}
