package dev.pyplugins.benchmarks.runtime;

/**
 * Where one figure's CPU time went, per operation: the host JVM and the Python process, on our path and
 * on its floor.
 */
record CpuRow(String figure, String unit, double oursJava, double oursPython, double floorJava, double floorPython) {

  static CpuRow of(String figure, String unit, CpuMeter ours, CpuMeter floor, double scale) {
    double[] o = ours.perOp(scale);
    double[] f = floor.perOp(scale);
    return new CpuRow(figure, unit, o[0], o[1], f[0], f[1]);
  }
}
