package dev.pyplugins.benchmarks.runtime;

import java.util.Locale;
import java.util.Optional;

/**
 * One line of the table: a figure of ours, the floor (or reference) it is compared with, and the target
 * for the ratio ours / floor, if any. Context lines have no reference.
 */
record Row(String figure, String unit, double ours, Optional<Double> reference, Optional<Target> target) {

  /** A bound on ours / floor: at most {@code bound} (latency, time) or at least (rates). */
  record Target(double bound, boolean atMost) {
    static Target atMost(double bound) {
      return new Target(bound, true);
    }

    static Target atLeast(double bound) {
      return new Target(bound, false);
    }

    boolean met(double ratio) {
      return atMost ? ratio <= bound : ratio >= bound;
    }

    @Override
    public String toString() {
      return (atMost ? "≤ " : "≥ ") + String.format(Locale.ROOT, "%.2f", bound);
    }
  }

  static Row compared(String figure, String unit, double ours, double floor, Target target) {
    return new Row(figure, unit, ours, Optional.of(floor), Optional.ofNullable(target));
  }

  static Row context(String figure, String unit, double value) {
    return new Row(figure, unit, value, Optional.empty(), Optional.empty());
  }

  Optional<Double> ratio() {
    return reference.map(r -> ours / r);
  }

  Optional<Boolean> met() {
    return target.flatMap(t -> ratio().map(t::met));
  }
}
