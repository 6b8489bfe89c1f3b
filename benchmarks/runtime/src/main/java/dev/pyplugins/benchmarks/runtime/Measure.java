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

  /** Calls per block in {@link #interleaved}. */
  static final int BLOCK = 100;

  /** Times a block of {@code n} calls of one path; each call's duration in nanoseconds. */
  @FunctionalInterface
  interface BlockTimer {
    long[] time(int n) throws Exception;
  }

  /**
   * Latency rounds of a path and its floor taken together: each round makes {@code calls} calls on each,
   * in alternating blocks of {@value #BLOCK} (the floor first in every other block), so the two see the
   * same machine even when its speed drifts within a round, as it does on shared virtual machines.
   * The meters (or null) add up each path's CPU time.
   */
  static Pair<Latency> interleaved(int runs, int calls, Call ours, Call floor, CpuMeter oursCpu, CpuMeter floorCpu)
      throws Exception {
    return interleavedBlocks(runs, calls, BLOCK, n -> time(n, ours), n -> time(n, floor), oursCpu, floorCpu);
  }

  /** {@link #interleaved} for paths that time their own blocks (in another process, say) in blocks of {@code blockSize}. */
  static Pair<Latency> interleavedBlocks(int runs, int calls, int blockSize, BlockTimer ours, BlockTimer floor,
      CpuMeter oursCpu, CpuMeter floorCpu) throws Exception {
    List<Latency> o = new ArrayList<>();
    List<Latency> f = new ArrayList<>();
    for (int round = 0; round < runs; round++) {
      long[] oursNanos = new long[calls];
      long[] floorNanos = new long[calls];
      for (int start = 0, block = 0; start < calls; start += blockSize, block++) {
        int n = Math.min(blockSize, calls - start);
        int from = start;
        Call oursBlock = metered(oursCpu, n, () -> System.arraycopy(ours.time(n), 0, oursNanos, from, n));
        Call floorBlock = metered(floorCpu, n, () -> System.arraycopy(floor.time(n), 0, floorNanos, from, n));
        if ((round + block) % 2 == 0) {
          floorBlock.run();
          oursBlock.run();
        } else {
          oursBlock.run();
          floorBlock.run();
        }
      }
      o.add(Latency.of(oursNanos));
      f.add(Latency.of(floorNanos));
    }
    return new Pair<>(o, f);
  }

  /** {@code body}, metered by {@code cpu} as {@code ops} operations, or as it is when there is no meter. */
  static Call metered(CpuMeter cpu, double ops, Call body) {
    return cpu == null ? body : () -> cpu.measure(ops, body);
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
