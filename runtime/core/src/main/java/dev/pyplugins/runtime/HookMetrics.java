package dev.pyplugins.runtime;

import dev.pyplugins.protocol.v1.HookName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Hook call figures of a {@link PluginEnvironment}, per hook over all plugins and per hook of one plugin:
 * calls, failed calls (any gRPC status but OK: a missed deadline, a crashed or unreachable plugin; the
 * failures the fail-open "Will" hooks swallow count too), and the 50th and 99th latency percentiles over the
 * last {@value #WINDOW} calls. Business errors (an AppError in the answer) are answers, not failures;
 * {@code Implemented} is not a hook and is not counted. Thread-safe; maps returned are snapshots.
 */
public interface HookMetrics {
  /** Latency samples kept per hook (and per plugin and hook) for the percentiles. */
  int WINDOW = 1024;

  /**
   * The figures of one hook.
   *
   * @param hook the hook
   * @param calls calls finished since the environment was built
   * @param errors of those, calls that ended with a gRPC status other than OK
   * @param p50 median latency over the last {@value #WINDOW} calls
   * @param p99 99th percentile latency over the last {@value #WINDOW} calls
   */
  record HookStats(HookName hook, long calls, long errors, Duration p50, Duration p99) {}

  /** The figures of one hook over all plugins, if it was ever called. */
  Optional<HookStats> hook(HookName hook);

  /** Every hook called so far, over all plugins. */
  Map<HookName, HookStats> byHook();

  /** Every hook called so far on one plugin (empty for a plugin never called). */
  Map<HookName, HookStats> ofPlugin(String pluginId);
}
