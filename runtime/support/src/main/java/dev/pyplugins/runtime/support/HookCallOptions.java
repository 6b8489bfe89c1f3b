package dev.pyplugins.runtime.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * How a hooks client calls a plugin: the deadline of each hook and the executor that streams request bodies.
 * Immutable and thread-safe; every {@code with...} method returns a copy.
 *
 * <ul>
 *   <li>A unary hook gets the default deadline, {@link #DEFAULT_DEADLINE} (30 s, as Mattermost) unless
 *       changed with {@link #withDefaultDeadline}.
 *   <li>A streaming hook (ServeHTTP, ServeMetrics, FileWillBeUploaded) has no deadline by default: it lasts
 *       as long as its bodies flow, and the caller cancels it by failing its sink or body.
 *   <li>{@link #withDeadline} and {@link #withoutDeadline} override either, for one hook by its RPC name.
 * </ul>
 */
public final class HookCallOptions {

  /** The default deadline of a unary hook call, as Mattermost's gRPC hooks client uses it. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

  private static final HookCallOptions DEFAULTS = new HookCallOptions(DEFAULT_DEADLINE, Map.of(), null);

  private final Duration defaultDeadline;
  private final Map<String, Optional<Duration>> overrides;
  private final Executor bodyExecutor;

  private HookCallOptions(Duration defaultDeadline, Map<String, Optional<Duration>> overrides, Executor bodyExecutor) {
    this.defaultDeadline = defaultDeadline;
    this.overrides = Map.copyOf(overrides);
    this.bodyExecutor = bodyExecutor;
  }

  /** 30 s for unary hooks, none for streaming hooks, bodies pumped by {@link BodyStreamExecutor#shared()}. */
  public static HookCallOptions defaults() {
    return DEFAULTS;
  }

  /** The deadline of every unary hook without an override; must be positive. */
  public HookCallOptions withDefaultDeadline(Duration deadline) {
    return new HookCallOptions(positive(deadline), overrides, bodyExecutor);
  }

  /** A deadline for one hook, streaming or not; must be positive. */
  public HookCallOptions withDeadline(String hookName, Duration deadline) {
    return withOverride(hookName, Optional.of(positive(deadline)));
  }

  /** No deadline for one hook. */
  public HookCallOptions withoutDeadline(String hookName) {
    return withOverride(hookName, Optional.empty());
  }

  /**
   * The executor whose threads read request bodies and send them while the calling thread receives the
   * response; each streaming call holds one of its threads for as long as it sends. It must run tasks on
   * threads of its own, never on the caller's (a direct executor would deadlock an early response).
   */
  public HookCallOptions withBodyExecutor(Executor executor) {
    return new HookCallOptions(defaultDeadline, overrides, Objects.requireNonNull(executor, "executor"));
  }

  /**
   * The deadline of a call to the hook, if it has one.
   *
   * @param hookName the hook's RPC name, such as {@code MessageWillBePosted}
   * @param streaming whether the hook streams a body
   */
  public Optional<Duration> deadline(String hookName, boolean streaming) {
    Optional<Duration> override = overrides.get(hookName);
    if (override != null) {
      return override;
    }
    return streaming ? Optional.empty() : Optional.of(defaultDeadline);
  }

  /** The executor that pumps request bodies. */
  public Executor bodyExecutor() {
    return bodyExecutor != null ? bodyExecutor : BodyStreamExecutor.shared();
  }

  private HookCallOptions withOverride(String hookName, Optional<Duration> deadline) {
    Objects.requireNonNull(hookName, "hookName");
    Map<String, Optional<Duration>> copy = new HashMap<>(overrides);
    copy.put(hookName, deadline);
    return new HookCallOptions(defaultDeadline, copy, bodyExecutor);
  }

  private static Duration positive(Duration deadline) {
    Objects.requireNonNull(deadline, "deadline");
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("a hook deadline must be positive: " + deadline);
    }
    return deadline;
  }

  @Override
  public String toString() {
    return "HookCallOptions{defaultDeadline=" + defaultDeadline + ", overrides=" + overrides + "}";
  }
}
