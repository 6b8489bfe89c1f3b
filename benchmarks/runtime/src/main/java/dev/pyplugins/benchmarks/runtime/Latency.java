package dev.pyplugins.benchmarks.runtime;

import java.util.List;

/** The p50 and p99 of one round of calls, in microseconds; or the medians of several rounds'. */
record Latency(double p50, double p99) {

  static Latency of(long[] nanos) {
    return new Latency(Measure.quantile(nanos, 0.50) / 1000.0, Measure.quantile(nanos, 0.99) / 1000.0);
  }

  /** The median of the rounds' p50s and the median of their p99s. */
  static Latency median(List<Latency> rounds) {
    return new Latency(Measure.median(rounds.stream().map(Latency::p50).toList()),
        Measure.median(rounds.stream().map(Latency::p99).toList()));
  }
}
