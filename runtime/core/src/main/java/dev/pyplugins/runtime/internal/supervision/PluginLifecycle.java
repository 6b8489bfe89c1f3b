package dev.pyplugins.runtime.internal.supervision;

import dev.pyplugins.runtime.PluginException;
import dev.pyplugins.runtime.PluginFailure;
import dev.pyplugins.runtime.PluginState;
import dev.pyplugins.runtime.PluginStatus;
import dev.pyplugins.runtime.RuntimeOptions;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * The state machine of one plugin: STOPPED -> STARTING -> RUNNING, a failure -> RESTARTING (with a delay
 * from the {@link RestartPolicy}) or FAILED (crash loop, incurable failure), STOPPING -> STOPPED. The
 * supervisor performs the transitions and does the work; this class keeps the rules and the visible
 * status. Illegal transitions throw. Thread-safe.
 */
public final class PluginLifecycle {
  private final String pluginId;
  private final InstantSource clock;
  private final RestartPolicy policy;
  private PluginState state = PluginState.STOPPED;
  private Instant since;
  private PluginFailure lastFailure;
  private int restarts;
  private Instant nextStart;
  private String reason;
  private OptionalLong pid = OptionalLong.empty();

  public PluginLifecycle(String pluginId, RuntimeOptions options, InstantSource clock, DoubleSupplier random) {
    this.pluginId = pluginId;
    this.clock = clock;
    this.policy = new RestartPolicy(options, clock, random);
    this.since = clock.instant();
  }

  public synchronized PluginState state() {
    return state;
  }

  public synchronized PluginStatus status() {
    return new PluginStatus(pluginId, state, since, Optional.ofNullable(lastFailure), restarts,
        Optional.ofNullable(nextStart), Optional.ofNullable(reason), pid);
  }

  /** A start by hand: from STOPPED or FAILED; forgets earlier failures. */
  public synchronized void startRequested() {
    move(Set.of(PluginState.STOPPED, PluginState.FAILED), PluginState.STARTING);
    policy.reset();
    restarts = 0;
    reason = null;
  }

  /** The restart delay is over: RESTARTING -> STARTING. */
  public synchronized void restartDue() {
    move(Set.of(PluginState.RESTARTING), PluginState.STARTING);
    restarts++;
  }

  /** The plugin is up: STARTING -> RUNNING. */
  public synchronized void started() {
    move(Set.of(PluginState.STARTING), PluginState.RUNNING);
    policy.started();
  }

  /** The plugin is up as process {@code processId}: STARTING -> RUNNING, the pid shown while it runs. */
  public synchronized void started(long processId) {
    started();
    pid = OptionalLong.of(processId);
  }

  /**
   * The plugin failed while starting or running. Moves to RESTARTING or FAILED.
   *
   * @return the decision, with the delay to wait before {@link #restartDue()}
   */
  public synchronized RestartDecision failed(PluginException failure) {
    Instant now = clock.instant();
    move(Set.of(PluginState.STARTING, PluginState.RUNNING), null);
    lastFailure = PluginFailure.of(failure, now);
    RestartDecision decision = policy.failed(failure.kind(), failure.exitCode());
    if (decision instanceof RestartDecision.Restart r) {
      enter(PluginState.RESTARTING, now);
      nextStart = now.plus(r.delay());
    } else {
      enter(PluginState.FAILED, now);
      reason = ((RestartDecision.GiveUp) decision).reason();
    }
    return decision;
  }

  /** A stop by hand: from any state but STOPPED and STOPPING. */
  public synchronized void stopRequested() {
    move(Set.of(PluginState.STARTING, PluginState.RUNNING, PluginState.RESTARTING, PluginState.FAILED),
        PluginState.STOPPING);
  }

  /** The stop finished: STOPPING -> STOPPED. */
  public synchronized void stopped() {
    move(Set.of(PluginState.STOPPING), PluginState.STOPPED);
  }

  private void move(Set<PluginState> from, PluginState to) {
    if (!from.contains(state)) {
      throw new IllegalStateException("cannot go from " + state + (to == null ? "" : " to " + to));
    }
    if (to != null) {
      enter(to, clock.instant());
    }
  }

  private void enter(PluginState to, Instant at) {
    state = to;
    pid = OptionalLong.empty();
    since = at;
    nextStart = null;
  }
}
