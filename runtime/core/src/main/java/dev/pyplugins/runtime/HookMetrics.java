package dev.pyplugins.runtime;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hook call figures of a {@link PluginEnvironment}, per hook name and over all its plugins: calls, failed
 * calls (any gRPC status but OK: a missed deadline, a crashed or unreachable plugin), and the 50th and 99th
 * latency percentiles over the last {@value #WINDOW} calls. Every hook call the environment's hooks clients
 * make is counted, including {@code Implemented}; business errors (an AppError in the answer) are answers,
 * not failures. Thread-safe; recording is cheap (one short lock per hook name).
 */
public final class HookMetrics {
  /** Latency samples kept per hook name for the percentiles. */
  public static final int WINDOW = 1024;

  private final Map<String, Recorder> hooks = new ConcurrentHashMap<>();

  /**
   * The figures of one hook.
   *
   * @param hookName the RPC name, such as {@code MessageWillBePosted}
   * @param calls calls finished since the environment was built
   * @param errors of those, calls that ended with a gRPC status other than OK
   * @param p50 median latency over the last {@value #WINDOW} calls
   * @param p99 99th percentile latency over the last {@value #WINDOW} calls
   */
  public record HookStats(String hookName, long calls, long errors, Duration p50, Duration p99) {}

  /** Records one finished call; used by the runtime's hook channels. */
  public void record(String hookName, Duration latency, boolean failed) {
    hooks.computeIfAbsent(hookName, Recorder::new).add(latency.toNanos(), failed);
  }

  /** The figures of one hook, if it was ever called. */
  public Optional<HookStats> hook(String hookName) {
    return Optional.ofNullable(hooks.get(hookName)).map(Recorder::stats);
  }

  /** The figures of every hook called so far, by hook name. */
  public Map<String, HookStats> snapshot() {
    Map<String, HookStats> all = new TreeMap<>();
    hooks.forEach((name, recorder) -> all.put(name, recorder.stats()));
    return all;
  }

  @Override
  public String toString() {
    return "HookMetrics" + snapshot().values();
  }

  private static final class Recorder {
    private final String hookName;
    private final long[] samples = new long[WINDOW];
    private long calls;
    private long errors;

    Recorder(String hookName) {
      this.hookName = hookName;
    }

    synchronized void add(long nanos, boolean failed) {
      samples[(int) (calls % WINDOW)] = nanos;
      calls++;
      if (failed) {
        errors++;
      }
    }

    synchronized HookStats stats() {
      long[] sorted = Arrays.copyOf(samples, (int) Math.min(calls, WINDOW));
      Arrays.sort(sorted);
      return new HookStats(hookName, calls, errors, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static Duration percentile(long[] sorted, double p) {
      if (sorted.length == 0) {
        return Duration.ZERO;
      }
      int index = (int) Math.ceil(p * sorted.length) - 1;
      return Duration.ofNanos(sorted[Math.max(0, index)]);
    }
  }
}
