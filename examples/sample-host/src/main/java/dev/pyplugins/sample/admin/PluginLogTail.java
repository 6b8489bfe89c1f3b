package dev.pyplugins.sample.admin;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;

/**
 * The last lines each plugin logged, for the console: a Logback appender on {@code dev.pyplugins.plugin}
 * (the runtime logs a plugin's stderr, stdout and hclog lines there, the API's LogInfo and friends too),
 * keeping {@value #KEPT} lines per plugin in memory. Thread-safe.
 */
public final class PluginLogTail extends AppenderBase<ILoggingEvent> {
  static final int KEPT = 500;
  private static final String PREFIX = "dev.pyplugins.plugin.";

  private final Map<String, Deque<String>> lines = new ConcurrentHashMap<>();

  /** Attaches a new tail to the host's Logback; without Logback (another SLF4J provider) it stays empty. */
  public static PluginLogTail attach() {
    PluginLogTail tail = new PluginLogTail();
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      tail.setContext(context);
      tail.setName("plugin-log-tail");
      tail.start();
      Logger logger = context.getLogger(PREFIX.substring(0, PREFIX.length() - 1));
      logger.addAppender(tail);
    }
    return tail;
  }

  /** Stops collecting (the host stops). */
  public void detach() {
    if (getContext() instanceof LoggerContext context) {
      context.getLogger(PREFIX.substring(0, PREFIX.length() - 1)).detachAppender(this);
    }
    stop();
  }

  @Override
  protected void append(ILoggingEvent event) {
    String logger = event.getLoggerName();
    if (!logger.startsWith(PREFIX)) {
      return;
    }
    String pluginId = event.getMDCPropertyMap().getOrDefault("plugin_id", logger.substring(PREFIX.length()));
    String line = Instant.ofEpochMilli(event.getTimeStamp()) + " " + event.getLevel() + " "
        + event.getFormattedMessage();
    Deque<String> kept = lines.computeIfAbsent(pluginId, id -> new ArrayDeque<>());
    synchronized (kept) {
      kept.addLast(line.length() > 2000 ? line.substring(0, 2000) + " [...]" : line);
      while (kept.size() > KEPT) {
        kept.removeFirst();
      }
    }
  }

  /** The plugin's last {@code count} lines, oldest first. */
  public List<String> tail(String pluginId, int count) {
    Deque<String> kept = lines.get(pluginId);
    if (kept == null) {
      return List.of();
    }
    synchronized (kept) {
      List<String> all = List.copyOf(kept);
      return all.subList(Math.max(0, all.size() - Math.max(0, count)), all.size());
    }
  }

  public void forget(String pluginId) {
    lines.remove(pluginId);
  }
}
