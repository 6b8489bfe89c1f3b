package dev.pyplugins.sample.metrics;

import dev.pyplugins.sample.rest.PluginAdmin;
import java.time.Duration;
import java.util.Arrays;

/** One hook's totals and its last {@value #SIZE} latencies, for percentiles. Thread-safe. */
final class LatencyWindow {
  static final int SIZE = 1024;

  private final long[] nanos = new long[SIZE];
  private long calls;
  private long errors;

  synchronized void record(Duration latency, boolean failed) {
    nanos[(int) (calls % SIZE)] = latency.toNanos();
    calls++;
    if (failed) {
      errors++;
    }
  }

  synchronized PluginAdmin.HookStat stat(String hook) {
    long[] recent = Arrays.copyOf(nanos, (int) Math.min(calls, SIZE));
    Arrays.sort(recent);
    return new PluginAdmin.HookStat(hook, calls, errors, percentile(recent, 0.50), percentile(recent, 0.99));
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }
}
