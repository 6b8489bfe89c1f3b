package dev.pyplugins.runtime.internal.process;

import dev.pyplugins.runtime.FailureKind;
import dev.pyplugins.runtime.PluginException;
import dev.pyplugins.runtime.RuntimeOptions;
import dev.pyplugins.runtime.internal.handshake.HandshakeLine;
import dev.pyplugins.runtime.internal.handshake.HandshakeParser;
import dev.pyplugins.runtime.internal.handshake.HandshakeRejectedException;
import dev.pyplugins.runtime.internal.logging.BoundedLineReader;
import dev.pyplugins.runtime.internal.logging.LineTail;
import dev.pyplugins.runtime.internal.logging.LogLineInterpreter;
import dev.pyplugins.runtime.internal.logging.PluginLogSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One plugin process, from spawn until it is reaped.
 *
 * <p>At spawn: its own process group (via {@code setsid} when available), stdin a pipe the host keeps
 * open while the process lives (the lifeline: a plugin told {@code MATTERMOST_PLUGIN_LIFELINE=stdin} exits
 * at EOF, so it dies with the host even on {@code kill -9}), stdout and stderr read on dedicated threads
 * from the first moment. The first stdout line is the handshake; later stdout and all stderr go to the log
 * sink, stderr's last lines are kept for failure reports. The exit is noticed at once ({@link #onExit()}).
 *
 * <p>{@link #stop} is idempotent and blocks until the process is reaped, its output drained and its socket
 * directory removed: graceful steps, then SIGTERM and SIGKILL to the whole group. Thread-safe.
 */
public final class PluginProcess {
  private static final Logger LOG = LoggerFactory.getLogger(PluginProcess.class);
  /** How long a stop waits for the pipes to reach EOF once the group is dead. */
  private static final Duration READER_WAIT = Duration.ofSeconds(2);
  /** How long, after an early exit, the handshake wait still listens for a line written just before it. */
  private static final Duration LAST_LINE_GRACE = Duration.ofMillis(200);

  private final String pluginId;
  private final List<String> command;
  private final Process process;
  private final boolean grouped;
  private final ProcessGroups groups;
  private final RuntimeOptions options;
  private final SocketDirectory socketDirectory;
  private final OutputStream lifeline;
  private final LineTail stderrTail;
  private final CompletableFuture<Optional<String>> firstLine = new CompletableFuture<>();
  private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
  private final Thread stdoutReader;
  private final Thread stderrReader;
  private final Set<ProcessHandle> knownDescendants = new LinkedHashSet<>();
  private final AtomicBoolean stopStarted = new AtomicBoolean();
  private final CompletableFuture<StopResult> stopped = new CompletableFuture<>();

  private PluginProcess(LaunchSpec spec, List<String> command, Process process, boolean grouped,
      ProcessGroups groups, RuntimeOptions options, SocketDirectory socketDirectory, PluginLogSink sink) {
    this.pluginId = spec.pluginId();
    this.command = command;
    this.process = process;
    this.grouped = grouped;
    this.groups = groups;
    this.options = options;
    this.socketDirectory = socketDirectory;
    this.lifeline = process.getOutputStream();
    this.stderrTail = new LineTail(options.stderrTailLines());
    this.stdoutReader = reader("stdout", process.getInputStream(), stdoutHandler(sink));
    this.stderrReader = reader("stderr", process.getErrorStream(), stderrHandler(sink));
    process.onExit().whenComplete((p, error) -> exit.complete(new ExitStatus(process.exitValue())));
  }

  /**
   * Spawns the process.
   *
   * @param socketDirectory the plugin's private socket directory, removed when the process is stopped
   *     (may be null)
   * @param sinks makes the log sink once the pid is known
   * @throws PluginException of kind {@link FailureKind#SPAWN_FAILED}
   */
  public static PluginProcess start(LaunchSpec spec, RuntimeOptions options, ProcessGroups groups,
      SocketDirectory socketDirectory, LongFunction<PluginLogSink> sinks) {
    List<String> command = new ArrayList<>(groups.launcherPrefix());
    command.addAll(spec.command());
    ProcessBuilder pb = new ProcessBuilder(command).directory(spec.workingDirectory().toFile());
    pb.environment().putAll(spec.environment());
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      if (socketDirectory != null) {
        socketDirectory.close();
      }
      throw new PluginException(FailureKind.SPAWN_FAILED, spec.pluginId(), "cannot start " + spec.command() + " in "
          + spec.workingDirectory() + ": " + e.getMessage(), e);
    }
    PluginProcess p = new PluginProcess(spec, List.copyOf(command), process, groups.available(), groups, options,
        socketDirectory, sinks.apply(process.pid()));
    LiveProcesses.register(p);
    p.stdoutReader.start();
    p.stderrReader.start();
    LOG.debug("plugin {}: started pid {}{}: {}", spec.pluginId(), process.pid(),
        p.grouped ? " (own process group)" : "", command);
    return p;
  }

  public String pluginId() {
    return pluginId;
  }

  /**
   * Writes the bootstrap line to the process's stdin; the pipe stays open (the lifeline). A process that
   * is already gone is left to the handshake wait to report.
   */
  public void writeBootstrap(String line) {
    try {
      lifeline.write(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      lifeline.flush();
    } catch (IOException e) {
      LOG.debug("plugin {}: cannot write the bootstrap line: {}", pluginId, e.toString());
    }
  }

  public long pid() {
    return process.pid();
  }

  /** Whether the process leads its own process group, so signals reach its whole tree. */
  public boolean hasProcessGroup() {
    return grouped;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Completes the moment the process exits, for whatever reason. */
  public CompletableFuture<ExitStatus> onExit() {
    return exit;
  }

  /** The last stderr lines, oldest first. */
  public List<String> stderrTail() {
    return stderrTail.lines();
  }

  /** The socket directory, if the process has one. */
  public Optional<SocketDirectory> socketDirectory() {
    return Optional.ofNullable(socketDirectory);
  }

  /**
   * Waits for the first stdout line and validates it. On any failure the process is killed (its whole
   * group) before this throws, with the exit status and the stderr tail in the exception.
   *
   * @throws PluginException of kind HANDSHAKE_TIMEOUT, EXITED_BEFORE_HANDSHAKE, HANDSHAKE_INVALID or
   *     HANDSHAKE_INCOMPATIBLE
   */
  public HandshakeLine awaitHandshake(HandshakeParser parser, Duration timeout) {
    Optional<String> line;
    try {
      CompletableFuture.anyOf(firstLine, exit).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      line = firstLine.isDone() ? firstLine.join() : lastLineAfterExit();
    } catch (TimeoutException e) {
      throw startFailure(FailureKind.HANDSHAKE_TIMEOUT, "timeout while waiting for plugin to start: no handshake"
          + " line on stdout within " + timeout.toMillis() + " ms", null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw startFailure(FailureKind.HANDSHAKE_TIMEOUT, "interrupted while waiting for the handshake", e);
    } catch (ExecutionException e) {
      throw startFailure(FailureKind.EXITED_BEFORE_HANDSHAKE, "failed waiting for the handshake", e);
    }
    if (line.isEmpty()) {
      throw startFailure(FailureKind.EXITED_BEFORE_HANDSHAKE, "plugin exited before we could connect", null);
    }
    try {
      return parser.parse(line.get());
    } catch (HandshakeRejectedException e) {
      throw startFailure(e.kind(), e.getMessage(), e);
    }
  }

  private Optional<String> lastLineAfterExit() throws InterruptedException, ExecutionException {
    try {
      return firstLine.get(LAST_LINE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return Optional.empty(); // a descendant still holds stdout open; the process itself is gone
    }
  }

  private PluginException startFailure(FailureKind kind, String message, Throwable cause) {
    // Only an exit of its own says something (ours below is a SIGKILL); its stdout may close a moment before
    // the exit is registered.
    ExitStatus status = kind == FailureKind.EXITED_BEFORE_HANDSHAKE ? exitWithin(LAST_LINE_GRACE) : exit.getNow(null);
    kill();
    String withCommand = message + "; command: " + String.join(" ", command);
    return new PluginException(kind, pluginId, withCommand,
        status == null ? OptionalInt.empty() : OptionalInt.of(status.code()), stderrTail.lines(), cause);
  }

  private ExitStatus exitWithin(Duration wait) {
    try {
      return exit.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Stops without graceful steps or SIGTERM grace: SIGKILL to the group at once. Blocks like {@link #stop}. */
  public StopResult kill() {
    return stop(List.of(), false);
  }

  /**
   * Stops the process: each graceful step (skipped once the process is gone), then waiting
   * {@link RuntimeOptions#shutdownExitWait()} if a step succeeded, SIGTERM to the group and
   * {@link RuntimeOptions#sigtermGrace()}, then SIGKILL to the group. A SIGKILL sweep of the group always
   * follows, so descendants die even when the leader exited by itself. Idempotent: later and concurrent
   * calls wait for the first one's result.
   *
   * @throws PluginException of kind {@link FailureKind#STOP_FAILED} when the process survives SIGKILL for
   *     {@link RuntimeOptions#sigkillWait()}
   */
  public StopResult stop(List<GracefulStep> steps) {
    return stop(steps, true);
  }

  private StopResult stop(List<GracefulStep> steps, boolean graceful) {
    if (!stopStarted.compareAndSet(false, true)) {
      return awaitStopped();
    }
    try {
      stopped.complete(doStop(steps, graceful));
    } catch (RuntimeException | Error e) {
      stopped.completeExceptionally(e);
    }
    return awaitStopped();
  }

  private StopResult awaitStopped() {
    try {
      return stopped.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private StopResult doStop(List<GracefulStep> steps, boolean graceful) {
    long start = System.nanoTime();
    StopResult.Phase phase = StopResult.Phase.ALREADY_EXITED;
    if (process.isAlive()) {
      boolean politeOk = false;
      for (GracefulStep step : graceful ? steps : List.<GracefulStep>of()) {
        if (!process.isAlive()) {
          break;
        }
        politeOk |= runStep(step);
      }
      if (politeOk) {
        waitExit(options.shutdownExitWait());
      }
      if (!process.isAlive()) {
        phase = StopResult.Phase.GRACEFUL;
      } else if (graceful) {
        signalTree(Signal.TERM);
        if (waitExit(options.sigtermGrace())) {
          phase = StopResult.Phase.TERMINATED;
        }
      }
      if (process.isAlive()) {
        if (graceful) {
          LOG.warn("plugin {}: pid {} failed to exit gracefully, sending SIGKILL", pluginId, process.pid());
        }
        phase = StopResult.Phase.KILLED;
      }
    }
    // Always sweep: descendants outlive a leader that exited (crash, or a clean exit leaving children).
    signalTree(Signal.KILL);
    if (!waitExit(options.sigkillWait())) {
      throw new PluginException(FailureKind.STOP_FAILED, pluginId, "pid " + process.pid()
          + " is still alive " + options.sigkillWait().toMillis() + " ms after SIGKILL");
    }
    awaitReaders();
    closeQuietly(lifeline);
    if (socketDirectory != null) {
      socketDirectory.close();
    }
    LiveProcesses.unregister(this);
    StopResult result = new StopResult(phase, exit.join(), Duration.ofNanos(System.nanoTime() - start));
    LOG.debug("plugin {}: pid {} stopped: {}", pluginId, process.pid(), result);
    return result;
  }

  private boolean runStep(GracefulStep step) {
    CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
      try {
        step.action().run();
      } catch (Exception e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, r -> {
      Thread t = new Thread(r, "pyplugins-" + pluginId + "-stop");
      t.setDaemon(true);
      t.start();
    });
    try {
      done.get(step.deadline().toMillis() + 1000, TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      LOG.warn("plugin {}: {} did not finish within {} ms", pluginId, step.name(), step.deadline().toMillis());
    } catch (ExecutionException e) {
      LOG.warn("plugin {}: {} failed: {}", pluginId, step.name(), e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /** Signals the group, or without groups the process and every descendant seen so far. */
  void signalTree(Signal signal) {
    if (grouped && groups.signal(process.pid(), signal)) {
      return;
    }
    // No group (or it vanished): a snapshot of the tree, remembered, since orphans leave descendants().
    ProcessHandle self = process.toHandle();
    if (self.isAlive()) {
      self.descendants().forEach(knownDescendants::add);
    }
    List<ProcessHandle> targets = new ArrayList<>(knownDescendants);
    targets.add(self);
    for (ProcessHandle h : targets) {
      if (signal == Signal.KILL) {
        h.destroyForcibly();
      } else {
        h.destroy();
      }
    }
  }

  private boolean waitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  private void awaitReaders() {
    long deadline = System.nanoTime() + READER_WAIT.toNanos();
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

  private java.util.function.Consumer<String> stdoutHandler(PluginLogSink sink) {
    LogLineInterpreter later = new LogLineInterpreter("stdout", sink);
    return line -> {
      if (!firstLine.isDone()) {
        firstLine.complete(Optional.of(line));
      } else {
        later.accept(line);
      }
    };
  }

  private java.util.function.Consumer<String> stderrHandler(PluginLogSink sink) {
    LogLineInterpreter interpreter = new LogLineInterpreter("stderr", sink);
    return line -> {
      stderrTail.add(line);
      interpreter.accept(line);
    };
  }

  private Thread reader(String name, InputStream in, java.util.function.Consumer<String> handler) {
    BoundedLineReader lines = new BoundedLineReader(options.logLineLimit(), line -> {
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

  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException e) {
      // the process is gone; nothing is lost
    }
  }

  @Override
  public String toString() {
    return "PluginProcess{" + pluginId + ", pid " + process.pid() + (process.isAlive() ? ", alive" : ", exited") + "}";
  }
}
