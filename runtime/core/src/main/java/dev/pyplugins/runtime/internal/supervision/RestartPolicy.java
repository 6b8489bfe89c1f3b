package dev.pyplugins.runtime.internal.supervision;

import dev.pyplugins.runtime.FailureKind;
import dev.pyplugins.runtime.RuntimeOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.OptionalInt;
import java.util.function.DoubleSupplier;

/**
 * Decides, failure by failure, whether a plugin is restarted and after how long.
 * <ul>
 *   <li>Crash-loop breaker (Mattermost's policy by default): the {@link RuntimeOptions#crashLoopMaxFailures()}th
 *       failure within {@link RuntimeOptions#crashLoopWindow()} gives up.</li>
 *   <li>Failures a restart cannot cure give up at once: a non-retryable {@link FailureKind}, or exit status
 *       127 (command not found).</li>
 *   <li>Otherwise restart after {@link RuntimeOptions#restartInitialDelay()} doubled per consecutive
 *       failure, capped at {@link RuntimeOptions#restartMaxDelay()}, spread by the jitter; a plugin that
 *       stayed up {@link RuntimeOptions#restartResetAfter()} starts the doubling over.</li>
 * </ul>
 * Not thread-safe; one per plugin, used under its supervisor's lock.
 */
public final class RestartPolicy {
  private static final int COMMAND_NOT_FOUND = 127;

  private final RuntimeOptions options;
  private final InstantSource clock;
  private final DoubleSupplier random;
  private final ArrayDeque<Instant> failures = new ArrayDeque<>();
  private int streak;
  private Instant startedAt;

  /**
   * @param random uniform values in [0, 1) for the jitter
   */
  public RestartPolicy(RuntimeOptions options, InstantSource clock, DoubleSupplier random) {
    this.options = options;
    this.clock = clock;
    this.random = random;
  }

  /** Records that the plugin is up (after a successful start). */
  public void started() {
    startedAt = clock.instant();
  }

  /** Forgets all failures: a restart by hand. */
  public void reset() {
    failures.clear();
    streak = 0;
    startedAt = null;
  }

  /** Failures counted in the current window. */
  public int failuresInWindow() {
    prune(clock.instant());
    return failures.size();
  }

  /** Records a failure and decides. */
  public RestartDecision failed(FailureKind kind, OptionalInt exitCode) {
    Instant now = clock.instant();
    if (!kind.retryable()) {
      return new RestartDecision.GiveUp(kind + " is not cured by a restart");
    }
    if (exitCode.isPresent() && exitCode.getAsInt() == COMMAND_NOT_FOUND) {
      return new RestartDecision.GiveUp("exit status 127: the command or interpreter was not found");
    }
    if (startedAt != null && Duration.between(startedAt, now).compareTo(options.restartResetAfter()) >= 0) {
      streak = 0;
    }
    startedAt = null;
    failures.addLast(now);
    prune(now);
    if (failures.size() >= options.crashLoopMaxFailures()) {
      return new RestartDecision.GiveUp(failures.size() + " failures within " + human(options.crashLoopWindow()));
    }
    Duration delay = delay(streak);
    streak++;
    return new RestartDecision.Restart(delay, streak);
  }

  private void prune(Instant now) {
    Instant horizon = now.minus(options.crashLoopWindow());
    while (!failures.isEmpty() && !failures.peekFirst().isAfter(horizon)) {
      failures.removeFirst();
    }
  }

  private Duration delay(int exponent) {
    long initial = options.restartInitialDelay().toMillis();
    long max = options.restartMaxDelay().toMillis();
    long base = exponent >= 62 ? max : Math.min(max, initial << Math.min(exponent, 40));
    if (base < 0) {
      base = max;
    }
    double factor = 1 + options.restartJitter() * (2 * random.getAsDouble() - 1);
    return Duration.ofMillis(Math.min(max, Math.round(base * factor)));
  }

  private static String human(Duration d) {
    long ms = d.toMillis();
    return ms % 60_000 == 0 ? ms / 60_000 + " min" : ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }
}
