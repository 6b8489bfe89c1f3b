package dev.pyplugins.runtime.internal.process;

import dev.pyplugins.runtime.internal.logging.BoundedLineReader;
import dev.pyplugins.runtime.internal.logging.LineTail;
import dev.pyplugins.runtime.internal.logging.LogLineInterpreter;
import dev.pyplugins.runtime.internal.logging.PluginLogSink;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plugin process's stdout and stderr, each drained on its own daemon thread from the first moment so the
 * plugin never blocks on a full pipe. The first stdout line is held for the handshake; later stdout and all
 * stderr go to the log sink; stderr's last lines are kept for failure reports. Thread-safe.
 */
final class PluginOutput {
  private static final Logger LOG = LoggerFactory.getLogger(PluginOutput.class);

  private final String pluginId;
  private final int lineLimit;
  private final LineTail stderrTail;
  private final CompletableFuture<Optional<String>> firstLine = new CompletableFuture<>();
  private final Thread stdoutReader;
  private final Thread stderrReader;

  PluginOutput(String pluginId, InputStream stdout, InputStream stderr, int lineLimit, int tailLines,
      PluginLogSink sink) {
    this.pluginId = pluginId;
    this.lineLimit = lineLimit;
    this.stderrTail = new LineTail(tailLines);
    this.stdoutReader = reader("stdout", stdout, stdoutHandler(sink));
    this.stderrReader = reader("stderr", stderr, stderrHandler(sink));
  }

  void start() {
    stdoutReader.start();
    stderrReader.start();
  }

  /** The first stdout line (the handshake), or empty when stdout closed without one. */
  CompletableFuture<Optional<String>> firstLine() {
    return firstLine;
  }

  /** The last stderr lines, oldest first. */
  List<String> stderrTail() {
    return stderrTail.lines();
  }

  /** Waits up to {@code wait} in all for both pipes to reach EOF; warns about a pipe still held open. */
  void awaitEof(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    for (Thread reader : List.of(stdoutReader, stderrReader)) {
      try {
        reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (reader.isAlive()) {
        LOG.warn("plugin {}: {} is still held open by a process outside the plugin's group; not waiting for it",
            pluginId, reader.getName());
      }
    }
  }

  private Consumer<String> stdoutHandler(PluginLogSink sink) {
    LogLineInterpreter later = new LogLineInterpreter("stdout", sink);
    return line -> {
      if (!firstLine.isDone()) {
        firstLine.complete(Optional.of(line));
      } else {
        later.accept(line);
      }
    };
  }

  private Consumer<String> stderrHandler(PluginLogSink sink) {
    LogLineInterpreter interpreter = new LogLineInterpreter("stderr", sink);
    return line -> {
      stderrTail.add(line);
      interpreter.accept(line);
    };
  }

  private Thread reader(String name, InputStream in, Consumer<String> handler) {
    BoundedLineReader lines = new BoundedLineReader(lineLimit, line -> {
      try {
        handler.accept(line);
      } catch (RuntimeException e) {
        // A failing log backend must not stop the draining, or the plugin blocks on a full pipe.
        LOG.warn("plugin {}: cannot log a {} line: {}", pluginId, name, e.toString());
      }
    });
    Thread t = new Thread(() -> {
      try (in) {
        lines.drain(in);
      } catch (IOException e) {
        LOG.debug("plugin {}: {} closed: {}", pluginId, name, e.toString());
      } finally {
        if (name.equals("stdout")) {
          firstLine.complete(Optional.empty());
        }
      }
    }, "pyplugins-" + pluginId + "-" + name);
    t.setDaemon(true);
    return t;
  }
}
