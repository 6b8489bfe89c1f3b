package dev.pyplugins.runtime.internal.dispatch;

import dev.pyplugins.protocol.v1.HookName;
import dev.pyplugins.runtime.HookMetrics;
import dev.pyplugins.runtime.HookMetrics.HookStats;
import java.time.Duration;
import java.util.Arrays;

/** Calls, errors and the last {@link HookMetrics#WINDOW} latencies of one hook. Thread-safe (one lock). */
final class LatencyWindow {
  private final HookName hook;
  private final long[] samples = new long[HookMetrics.WINDOW];
  private long calls;
  private long errors;

  LatencyWindow(HookName hook) {
    this.hook = hook;
  }

  synchronized void add(long nanos, boolean failed) {
    samples[(int) (calls % samples.length)] = nanos;
    calls++;
    if (failed) {
      errors++;
    }
  }

  synchronized HookStats stats() {
    long[] sorted = Arrays.copyOf(samples, (int) Math.min(calls, samples.length));
    Arrays.sort(sorted);
    return new HookStats(hook, calls, errors, percentile(sorted, 0.50), percentile(sorted, 0.99));
  }

  private static Duration percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Duration.ZERO;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return Duration.ofNanos(sorted[Math.max(0, index)]);
  }
}
