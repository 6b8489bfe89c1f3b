package dev.pyplugins.runtime.internal.logging;

import java.util.Locale;
import java.util.Optional;

/** A plugin log line's level, hclog's names. */
public enum LogLevel {
  TRACE, DEBUG, INFO, WARN, ERROR;

  /** hclog's {@code @level} values, and Python's level names (WARNING, CRITICAL, FATAL). */
  public static Optional<LogLevel> fromName(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "trace" -> Optional.of(TRACE);
      case "debug" -> Optional.of(DEBUG);
      case "info" -> Optional.of(INFO);
      case "warn", "warning" -> Optional.of(WARN);
      case "error", "critical", "fatal" -> Optional.of(ERROR);
      default -> Optional.empty();
    };
  }
}
