package dev.pyplugins.runtime.internal.logging;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Logs plugin events through SLF4J, on logger {@code dev.pyplugins.plugin.<plugin id>}, with MDC
 * {@code plugin_id}, {@code plugin_pid} and {@code plugin_source}, and hclog fields as SLF4J key/value
 * pairs (plus {@code module} and {@code plugin_timestamp} when present). Thread-safe.
 */
public final class Slf4jLogSink implements PluginLogSink {
  /** Prefix of every plugin logger name; configure plugin log levels under it. */
  public static final String LOGGER_PREFIX = "dev.pyplugins.plugin.";

  private final Logger logger;
  private final String pluginId;
  private final String pid;

  public Slf4jLogSink(String pluginId, long pid) {
    this.logger = LoggerFactory.getLogger(LOGGER_PREFIX + pluginId);
    this.pluginId = pluginId;
    this.pid = Long.toString(pid);
  }

  @Override
  public void log(PluginLogEntry entry) {
    Level level = switch (entry.level()) {
      case TRACE -> Level.TRACE;
      case DEBUG -> Level.DEBUG;
      case INFO -> Level.INFO;
      case WARN -> Level.WARN;
      case ERROR -> Level.ERROR;
    };
    if (!logger.isEnabledForLevel(level)) {
      return;
    }
    // MDC is per thread and these threads are shared (gRPC's for GRPCStdio), so set and clear per event.
    MDC.put("plugin_id", pluginId);
    MDC.put("plugin_pid", pid);
    MDC.put("plugin_source", entry.source());
    try {
      LoggingEventBuilder event = logger.atLevel(level).setMessage(entry.message());
      if (!entry.module().isEmpty()) {
        event = event.addKeyValue("module", entry.module());
      }
      if (!entry.timestamp().isEmpty()) {
        event = event.addKeyValue("plugin_timestamp", entry.timestamp());
      }
      for (Map.Entry<String, Object> field : entry.fields().entrySet()) {
        event = event.addKeyValue(field.getKey(), field.getValue());
      }
      event.log();
    } finally {
      MDC.remove("plugin_id");
      MDC.remove("plugin_pid");
      MDC.remove("plugin_source");
    }
  }
}
