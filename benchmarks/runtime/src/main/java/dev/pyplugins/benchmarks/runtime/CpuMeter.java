package dev.pyplugins.benchmarks.runtime;

import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Adds up the CPU time the host JVM and one Python process spend during a path's rounds, and how many
 * operations (calls, or MB) the rounds did, so the results can say per operation which side the time
 * went to. Not thread-safe: rounds run one after the other.
 */
final class CpuMeter {
  private final LongSupplier pythonPid;
  private double java;
  private double python;
  private double ops;

  /** @param pythonPid the Python process of this path (asked at each round: a plugin's pid may change) */
  CpuMeter(LongSupplier pythonPid) {
    this.pythonPid = pythonPid;
  }

  /** The round, metered; it counts as {@code opsPerRound} operations. */
  <T> Callable<T> around(double opsPerRound, Callable<T> round) {
    return around(result -> opsPerRound, round);
  }

  /** The round, metered; it counts as as many operations as {@code opsOf} its result. */
  <T> Callable<T> around(ToDoubleFunction<T> opsOf, Callable<T> round) {
    return () -> {
      long pid = pythonPid.getAsLong();
      double j = CpuTime.self();
      double p = CpuTime.seconds(pid);
      T result = round.call();
      java += CpuTime.self() - j;
      python += CpuTime.seconds(pid) - p;
      ops += opsOf.applyAsDouble(result);
      return result;
    };
  }

  /** Runs {@code body}, metered; it counts as {@code ops} operations. */
  void measure(double ops, Measure.Call body) throws Exception {
    around(ops, () -> {
      body.run();
      return null;
    }).call();
  }

  /** CPU seconds per operation times {@code scale}, host JVM then Python. */
  double[] perOp(double scale) {
    return new double[] {java / ops * scale, python / ops * scale};
  }
}
