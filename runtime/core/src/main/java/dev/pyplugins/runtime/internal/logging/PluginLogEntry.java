package dev.pyplugins.runtime.internal.logging;

import java.util.Map;
import java.util.Objects;

/**
 * One log event from a plugin.
 *
 * @param level the level the line asked for, or the one inferred
 * @param message the message (several lines for a Python traceback)
 * @param module hclog's {@code @module}, or empty
 * @param timestamp hclog's {@code @timestamp} as the plugin wrote it, or empty
 * @param fields the remaining hclog key/value pairs, in the plugin's order
 * @param source where it came from: {@code stderr}, {@code stdout} or {@code stdio} (GRPCStdio)
 */
public record PluginLogEntry(LogLevel level, String message, String module, String timestamp,
    Map<String, Object> fields, String source) {
  public PluginLogEntry {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fields, "fields");
  }

  /** A plain line at {@code level}. */
  public static PluginLogEntry plain(LogLevel level, String message, String source) {
    return new PluginLogEntry(level, message, "", "", Map.of(), source);
  }
}
