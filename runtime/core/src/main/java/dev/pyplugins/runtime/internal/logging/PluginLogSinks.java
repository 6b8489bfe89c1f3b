package dev.pyplugins.runtime.internal.logging;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Chooses where a plugin's log events go: SLF4J ({@link Slf4jLogSink}) when the host has a provider (logback,
 * slf4j-simple, ...), else the host's stderr ({@link StderrLogSink}), after one notice saying how to add one.
 */
public final class PluginLogSinks {
  private static final AtomicBoolean NOTICE_GIVEN = new AtomicBoolean();

  private PluginLogSinks() {}

  /** The sink for one plugin process. */
  public static PluginLogSink forPlugin(String pluginId, long pid) {
    return forPlugin(pluginId, pid, LoggerFactory.getILoggerFactory(), System.err);
  }

  static PluginLogSink forPlugin(String pluginId, long pid, ILoggerFactory factory, PrintStream stderr) {
    if (!(factory instanceof NOPLoggerFactory)) {
      return new Slf4jLogSink(pluginId, pid);
    }
    if (NOTICE_GIVEN.compareAndSet(false, true)) {
      stderr.println("pyplugins: the host has no SLF4J provider, so plugin logs go to stderr (INFO and above);"
          + " add one (e.g. org.slf4j:slf4j-simple or ch.qos.logback:logback-classic) to route them");
    }
    return new StderrLogSink(pluginId, stderr);
  }
}
