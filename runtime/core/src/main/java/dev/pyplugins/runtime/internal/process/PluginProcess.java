package dev.pyplugins.runtime.internal.process;

import dev.pyplugins.runtime.FailureKind;
import dev.pyplugins.runtime.PluginException;
import dev.pyplugins.runtime.RuntimeOptions;
import dev.pyplugins.runtime.internal.handshake.HandshakeLine;
import dev.pyplugins.runtime.internal.handshake.HandshakeParser;
import dev.pyplugins.runtime.internal.handshake.HandshakeRejectedException;
import dev.pyplugins.runtime.internal.logging.PluginLogSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * <p>At spawn: under the {@link Subreaper} shim when available, which gives it a session and process group
 * of its own and kills whatever its tree leaves behind once it exited (else via {@code setsid}, its group
 * only); the complete environment of its {@link LaunchSpec}; stdin a pipe the host keeps
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
  private final long pid;
  /** The plugin itself, or the subreaper shim that ends only after the plugin and its whole tree. */
  private final Process process;
  private final ProcessTree tree;
  private final SocketDirectory socketDirectory;
  private final OutputStream lifeline;
  private final PluginOutput output;
  private final StopSequence stopSequence;
  private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
  private final AtomicBoolean stopStarted = new AtomicBoolean();
  private final CompletableFuture<StopResult> stopped = new CompletableFuture<>();

  private PluginProcess(LaunchSpec spec, long pid, Process process, ProcessTree tree,
      RuntimeOptions options, SocketDirectory socketDirectory, PluginLogSink sink) {
    this.pluginId = spec.pluginId();
    this.command = spec.command();
    this.pid = pid;
    this.process = process;
    this.tree = tree;
    this.socketDirectory = socketDirectory;
    this.lifeline = process.getOutputStream();
    this.output = new PluginOutput(pluginId, process.getInputStream(), process.getErrorStream(),
        options.logLineLimit(), options.stderrTailLines(), sink);
    this.stopSequence = new StopSequence(pluginId, pid, process, tree, options);
    process.onExit().whenComplete((p, error) -> exit.complete(new ExitStatus(process.exitValue())));
  }

  /**
   * Spawns the process, under the {@link Subreaper} shim when it is available.
   *
   * @param socketDirectory the plugin's private socket directory, removed when the process is stopped
   *     (may be null)
   * @param sinks makes the log sink once the pid is known
   * @throws PluginException of kind {@link FailureKind#SPAWN_FAILED}
   */
  public static PluginProcess start(LaunchSpec spec, RuntimeOptions options, ProcessGroups groups,
      Subreaper subreaper, SocketDirectory socketDirectory, LongFunction<PluginLogSink> sinks) {
    List<String> command = new ArrayList<>(subreaper.available() ? subreaper.launcherPrefix() : groups.launcherPrefix());
    command.addAll(spec.command());
    ProcessBuilder pb = new ProcessBuilder(command).directory(spec.workingDirectory().toFile());
    pb.environment().clear(); // the spec's is complete: nothing of the host's beyond its allow-list
    pb.environment().putAll(spec.environment());
    Process process;
    long pid;
    try {
      requireExecutable(spec);
      process = pb.start();
      pid = subreaper.available() ? Subreaper.awaitPluginPid(process, options.handshakeTimeout()) : process.pid();
    } catch (IOException e) {
      if (socketDirectory != null) {
        socketDirectory.close();
      }
      throw new PluginException(FailureKind.SPAWN_FAILED, spec.pluginId(), "cannot start " + spec.command() + " in "
          + spec.workingDirectory() + ": " + e.getMessage(), e);
    }
    ProcessTree tree = new ProcessTree(pid, groups.available(), groups);
    PluginProcess p = new PluginProcess(spec, pid, process, tree, options, socketDirectory, sinks.apply(pid));
    LiveProcesses.register(p);
    p.output.start();
    LOG.debug("plugin {}: started pid {}{}{}: {}", spec.pluginId(), pid,
        tree.grouped() ? " (own process group)" : "", subreaper.available() ? " under subreaper " + process.pid() : "",
        spec.command());
    return p;
  }

  /** Under the shim, a missing executable would only show as an early exit: refuse it as the OS would. */
  private static void requireExecutable(LaunchSpec spec) throws IOException {
    String program = spec.command().get(0);
    if (program.contains("/") && !Files.isExecutable(spec.workingDirectory().resolve(program))) {
      throw new IOException("Cannot run program \"" + program + "\": not an executable file");
    }
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

  /** The plugin's own pid (not the shim's), the id of its process group when it has one. */
  public long pid() {
    return pid;
  }

  /** Whether the process leads its own process group, so signals reach its whole tree. */
  public boolean hasProcessGroup() {
    return tree.grouped();
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
    return output.stderrTail();
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
    CompletableFuture<Optional<String>> firstLine = output.firstLine();
    Optional<String> line;
    try {
      CompletableFuture.anyOf(firstLine, exit).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      line = firstLine.isDone() ? firstLine.join() : lastLineAfterExit(firstLine);
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

  private static Optional<String> lastLineAfterExit(CompletableFuture<Optional<String>> firstLine)
      throws InterruptedException, ExecutionException {
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
        status == null ? OptionalInt.empty() : OptionalInt.of(status.code()), output.stderrTail(), cause);
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
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private StopResult doStop(List<GracefulStep> steps, boolean graceful) {
    long start = System.nanoTime();
    StopResult.Phase phase = stopSequence.run(steps, graceful);
    output.awaitEof(READER_WAIT);
    closeQuietly(lifeline);
    if (socketDirectory != null) {
      socketDirectory.close();
    }
    LiveProcesses.unregister(this);
    StopResult result = new StopResult(phase, exit.join(), Duration.ofNanos(System.nanoTime() - start));
    LOG.debug("plugin {}: pid {} stopped: {}", pluginId, pid, result);
    return result;
  }

  /** Signals the group, or without groups the process and every descendant seen so far. */
  void signalTree(Signal signal) {
    tree.signal(signal);
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
    return "PluginProcess{" + pluginId + ", pid " + pid + (process.isAlive() ? ", alive" : ", exited") + "}";
  }
}
