package dev.pyplugins.benchmarks.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used (user + system, all threads), from {@code /proc/<pid>/stat}. Unlike wall
 * time it hardly changes when other work shares the cores, so per-call CPU shows where the time goes
 * even on a busy machine.
 */
final class CpuTime {
  /** Clock ticks per second of {@code /proc}'s times; 100 on Linux for every common architecture. */
  private static final double TICKS_PER_SECOND = 100.0;

  private CpuTime() {}

  /** The process's CPU time so far, in seconds. */
  static double seconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the CPU time of process " + pid, e);
    }
  }

  static double self() {
    return seconds(ProcessHandle.current().pid());
  }
}
