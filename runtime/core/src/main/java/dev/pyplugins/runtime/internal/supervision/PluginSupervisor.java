package dev.pyplugins.runtime.internal.supervision;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import dev.pyplugins.protocol.v1.HooksClient;
import dev.pyplugins.runtime.FailureKind;
import dev.pyplugins.runtime.PluginException;
import dev.pyplugins.runtime.PluginState;
import dev.pyplugins.runtime.PluginStatus;
import dev.pyplugins.runtime.RuntimeOptions;
import dev.pyplugins.runtime.internal.manifest.ValidatedManifest;
import dev.pyplugins.runtime.internal.process.ExitStatus;
import dev.pyplugins.runtime.internal.process.StopResult;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one plugin running: starts it ({@link PluginStarter}), notices its exit at once and restarts it as
 * the {@link RestartPolicy} says (first restart after {@code restartInitialDelay}, doubling after, the
 * crash-loop breaker ending in FAILED with the exit reason and stderr tail), checks its health every
 * {@code healthCheckInterval} with a deadline and kills it after {@code pingFailLimit} failures in a row,
 * and stops it politely on request. Every restart makes new host-side state (process, socket directory,
 * API endpoint and token, channel, hooks client).
 *
 * <p>All work for one plugin runs on its own supervisor thread, one thing at a time, so crashes, health
 * verdicts, restarts and requests never race; health RPCs and restart delays only post results to it.
 * The public methods may be called from any thread and wait for the supervisor thread (a start waits up
 * to the handshake, health and OnActivate deadlines); state listeners run on it. Thread-safe.
 */
public final class PluginSupervisor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PluginSupervisor.class);

  private final String pluginId;
  private final RuntimeOptions options;
  private final PluginStarter starter;
  private final java.util.concurrent.ScheduledExecutorService timers;
  private final Consumer<PluginStatus> listener;
  private final PluginLifecycle lifecycle;
  private final SupervisorThread thread;
  private volatile PluginInstance current;
  private volatile ValidatedManifest manifest;
  private ScheduledFuture<?> pendingRestart;
  private ScheduledFuture<?> pendingHealthCheck;
  private int healthFailures;

  /**
   * @param listener told every state change, on the supervisor thread
   */
  public PluginSupervisor(String pluginId, SupervisionContext context, Consumer<PluginStatus> listener) {
    this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
    this.options = context.options();
    this.starter = context.starter();
    this.timers = context.timers();
    this.listener = listener;
    this.lifecycle = new PluginLifecycle(pluginId, options, Clock.systemUTC(), ThreadLocalRandom.current()::nextDouble);
    this.thread = new SupervisorThread(pluginId);
  }

  public String pluginId() {
    return pluginId;
  }

  /** The plugin's state now. Never waits. */
  public PluginStatus status() {
    return lifecycle.status();
  }

  /** The HTTP bridge's way to the running process; empty unless RUNNING. Never waits. */
  public Optional<HttpRoute> httpRoute() {
    PluginInstance running = current;
    return running != null && lifecycle.state() == PluginState.RUNNING
        ? Optional.of(new HttpRoute(running.hooks(), running.hookChannel())) : Optional.empty();
  }

  /** A running plugin's hooks client and the channel under it, taken from the same process. */
  public record HttpRoute(HooksClient hooks, Channel channel) {}

  /** The hooks client of the running process; empty unless RUNNING. Never waits. */
  public Optional<HooksClient> hooks() {
    PluginInstance running = current;
    return running != null && lifecycle.state() == PluginState.RUNNING ? Optional.of(running.hooks())
        : Optional.empty();
  }

  /**
   * Starts the plugin by hand from {@code manifest}, forgetting earlier failures; a plugin that is running
   * or starting is left as it is. Returns after the first attempt: RUNNING, RESTARTING (a retryable failure,
   * retried in the background) or FAILED.
   */
  public PluginStatus start(ValidatedManifest manifest) {
    return onSupervisorThread(() -> {
      PluginState state = lifecycle.state();
      if (state == PluginState.RUNNING || state == PluginState.STARTING) {
        return lifecycle.status();
      }
      stopNow();
      this.manifest = manifest;
      lifecycle.startRequested();
      publish();
      attempt();
      return lifecycle.status();
    });
  }

  /** Records a start that failed before any process (an invalid manifest): FAILED with that failure. */
  public PluginStatus refuse(PluginException failure) {
    return onSupervisorThread(() -> {
      stopNow();
      lifecycle.startRequested();
      publish();
      failed(failure);
      return lifecycle.status();
    });
  }

  /** Stops the plugin (OnDeactivate, Shutdown, SIGTERM, SIGKILL over its group) and cancels pending restarts. */
  public PluginStatus stop() {
    return onSupervisorThread(() -> {
      stopNow();
      return lifecycle.status();
    });
  }

  /** Stops the plugin and ends the supervisor thread. */
  @Override
  public void close() {
    try {
      stop();
    } finally {
      thread.shutdown();
    }
  }

  // ---- on the supervisor thread ----

  private void attempt() {
    PluginInstance instance;
    try {
      instance = starter.start(manifest);
    } catch (PluginException e) {
      failed(e);
      return;
    } catch (RuntimeException e) {
      failed(new PluginException(FailureKind.SPAWN_FAILED, pluginId, "start failed: " + e, e));
      return;
    }
    current = instance;
    healthFailures = 0;
    lifecycle.started(instance.pid());
    publish();
    LOG.info("plugin {} running (pid {})", pluginId, instance.pid());
    instance.onExit().whenComplete((status, error) -> post(() -> exited(instance)));
    scheduleHealthCheck(instance);
  }

  private void exited(PluginInstance instance) {
    if (instance != current || lifecycle.state() != PluginState.RUNNING) {
      return; // stopped on purpose, or an instance already replaced
    }
    current = null;
    cancel(pendingHealthCheck);
    ExitStatus status = instance.onExit().join();
    instance.kill(); // the rest of its group, its pipes, endpoint, channel and socket directory
    failed(new PluginException(FailureKind.CRASHED, pluginId, "the plugin process exited while running: " + status,
        OptionalInt.of(status.code()), instance.process().stderrTail(), null));
  }

  private void failed(PluginException failure) {
    RestartDecision decision = lifecycle.failed(failure);
    publish();
    if (decision instanceof RestartDecision.Restart restart) {
      LOG.warn("plugin {} failed, restart {} in {} ms: {}", pluginId, restart.attempt(), restart.delay().toMillis(),
          failure.summary());
      pendingRestart = timers.schedule(() -> post(this::restartDue), restart.delay().toNanos(), TimeUnit.NANOSECONDS);
    } else {
      LOG.error("plugin {} failed and stays stopped ({}): {}", pluginId,
          ((RestartDecision.GiveUp) decision).reason(), failure.summary());
    }
  }

  private void restartDue() {
    if (lifecycle.state() != PluginState.RESTARTING) {
      return;
    }
    lifecycle.restartDue();
    publish();
    attempt();
  }

  private void scheduleHealthCheck(PluginInstance instance) {
    pendingHealthCheck = timers.schedule(() -> {
      ListenableFuture<HealthCheckResponse> check = instance.checkHealth(options.healthCheckTimeout());
      check.addListener(() -> post(() -> healthChecked(instance, check)), MoreExecutors.directExecutor());
    }, options.healthCheckInterval().toNanos(), TimeUnit.NANOSECONDS);
  }

  private void healthChecked(PluginInstance instance, Future<HealthCheckResponse> check) {
    if (instance != current || lifecycle.state() != PluginState.RUNNING) {
      return;
    }
    String problem = healthProblem(check);
    if (problem == null) {
      healthFailures = 0;
      scheduleHealthCheck(instance);
      return;
    }
    healthFailures++;
    LOG.warn("plugin {}: health check {} of {} failed: {}", pluginId, healthFailures, options.pingFailLimit(), problem);
    if (healthFailures < options.pingFailLimit()) {
      scheduleHealthCheck(instance);
      return;
    }
    current = null;
    instance.kill();
    failed(new PluginException(FailureKind.UNHEALTHY, pluginId, healthFailures + " health checks in a row failed"
        + " (deadline " + options.healthCheckTimeout().toMillis() + " ms), the last: " + problem + "; killed",
        OptionalInt.empty(), instance.process().stderrTail(), null));
  }

  private static String healthProblem(Future<HealthCheckResponse> check) {
    try {
      HealthCheckResponse.ServingStatus status = check.get().getStatus();
      return status == HealthCheckResponse.ServingStatus.SERVING ? null : "reports " + status;
    } catch (ExecutionException e) {
      return Status.fromThrowable(e.getCause()).toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private void stopNow() {
    cancel(pendingRestart);
    cancel(pendingHealthCheck);
    if (lifecycle.state() == PluginState.STOPPED) {
      return;
    }
    lifecycle.stopRequested();
    publish();
    PluginInstance instance = current;
    current = null;
    if (instance != null) {
      try {
        StopResult result = instance.stop(options);
        LOG.info("plugin {} stopped: {} ({}) in {} ms", pluginId, result.phase(), result.exit(), result.took().toMillis());
      } catch (PluginException e) {
        LOG.error("plugin {}: {}", pluginId, e.getMessage());
      }
    }
    lifecycle.stopped();
    publish();
  }

  private void publish() {
    PluginStatus status = lifecycle.status();
    try {
      listener.accept(status);
    } catch (RuntimeException e) {
      LOG.warn("plugin {}: a state listener failed on {}: {}", pluginId, status.state(), e.toString());
    }
  }

  private static void cancel(Future<?> future) {
    if (future != null) {
      future.cancel(false);
    }
  }

  private void post(Runnable work) {
    thread.post(work);
  }

  private <T> T onSupervisorThread(Callable<T> work) {
    return thread.call(work);
  }

  /** The manifest of the last start, if the plugin was ever started from one. */
  public Optional<ValidatedManifest> manifest() {
    return Optional.ofNullable(manifest);
  }
}
