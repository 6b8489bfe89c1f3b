package dev.pyplugins.runtime.support;

import java.util.function.LongSupplier;

/** Waiting helpers for tests that watch a counter settle. */
final class Await {

  private Await() {}

  /** Waits until the counter has not moved for {@code quietMillis} (at most 5 s), and returns its value. */
  static long settled(LongSupplier counter, long quietMillis) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    long value = counter.getAsLong();
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      Thread.sleep(10);
      long now = counter.getAsLong();
      if (now != value) {
        value = now;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince >= quietMillis * 1_000_000L) {
        return value;
      }
    }
    throw new AssertionError("the counter kept moving for 5 s: " + value);
  }
}
