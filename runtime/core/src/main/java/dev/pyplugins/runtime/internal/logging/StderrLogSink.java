package dev.pyplugins.runtime.internal.logging;

import java.io.PrintStream;
import java.util.Map;

/**
 * Writes plugin events at INFO and above to a stream (the host's stderr), one line each as
 * {@code [plugin <id>] LEVEL message key=value...}: where plugin logs go when the host has no SLF4J provider,
 * so they are never lost silently. Thread-safe (one println per event).
 */
final class StderrLogSink implements PluginLogSink {
  private final String pluginId;
  private final PrintStream out;

  StderrLogSink(String pluginId, PrintStream out) {
    this.pluginId = pluginId;
    this.out = out;
  }

  @Override
  public void log(PluginLogEntry entry) {
    if (entry.level().compareTo(LogLevel.INFO) < 0) {
      return;
    }
    StringBuilder line = new StringBuilder("[plugin ").append(pluginId).append("] ").append(entry.level())
        .append(' ').append(entry.message());
    for (Map.Entry<String, Object> field : entry.fields().entrySet()) {
      line.append(' ').append(field.getKey()).append('=').append(field.getValue());
    }
    out.println(line);
  }
}
