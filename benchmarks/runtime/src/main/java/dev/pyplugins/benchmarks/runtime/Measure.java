package dev.pyplugins.benchmarks.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** How figures are taken: timed call loops, and rounds of a path and its floor alternated in one run. */
final class Measure {
  private Measure() {}

  /** One call of a latency loop. */
  @FunctionalInterface
  interface Call {
    void run() throws Exception;
  }

  /** The figures of a measured path and of its floor, round by round. */
  record Pair<T>(List<T> ours, List<T> floor) {}

  /**
   * Runs {@code ours} and {@code floor} {@code runs} times each, alternately, the floor first in even rounds
   * and second in odd ones, so drift in the machine's load reaches both alike.
   */
  static <T> Pair<T> sideBySide(int runs, Callable<T> ours, Callable<T> floor) throws Exception {
    List<T> o = new ArrayList<>();
    List<T> f = new ArrayList<>();
    for (int round = 0; round < runs; round++) {
      if (round % 2 == 0) {
        f.add(floor.call());
        o.add(ours.call());
      } else {
        o.add(ours.call());
        f.add(floor.call());
      }
    }
    return new Pair<>(o, f);
  }

  /** Calls {@code call} {@code calls} times in a row; each call's duration in nanoseconds. */
  static long[] time(int calls, Call call) throws Exception {
    long[] nanos = new long[calls];
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      call.run();
      nanos[i] = System.nanoTime() - start;
    }
    return nanos;
  }

  static void repeat(int calls, Call call) throws Exception {
    for (int i = 0; i < calls; i++) {
      call.run();
    }
  }

  /** The q-quantile (nearest rank) of the samples. */
  static double quantile(long[] samples, double q) {
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
