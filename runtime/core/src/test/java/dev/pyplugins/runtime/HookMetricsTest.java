package dev.pyplugins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HookMetricsTest {
  private final HookMetrics metrics = new HookMetrics();

  @Test
  void countsCallsAndErrorsAndTakesPercentilesPerHook() {
    for (int ms = 1; ms <= 100; ms++) {
      metrics.record("MessageWillBePosted", Duration.ofMillis(ms), ms % 10 == 0);
    }
    metrics.record("OnActivate", Duration.ofMillis(7), false);

    HookMetrics.HookStats posted = metrics.hook("MessageWillBePosted").orElseThrow();
    assertThat(posted.calls()).isEqualTo(100);
    assertThat(posted.errors()).isEqualTo(10);
    assertThat(posted.p50()).isEqualTo(Duration.ofMillis(50));
    assertThat(posted.p99()).isEqualTo(Duration.ofMillis(99));
    assertThat(metrics.snapshot()).containsOnlyKeys("MessageWillBePosted", "OnActivate");
    assertThat(metrics.hook("ServeHTTP")).isEmpty();
  }

  @Test
  void percentilesCoverOnlyTheLastWindowOfCalls() {
    for (int i = 0; i < HookMetrics.WINDOW; i++) {
      metrics.record("H", Duration.ofSeconds(10), false);
    }
    for (int i = 0; i < HookMetrics.WINDOW; i++) {
      metrics.record("H", Duration.ofMillis(1), false);
    }
    HookMetrics.HookStats stats = metrics.hook("H").orElseThrow();
    assertThat(stats.calls()).isEqualTo(2L * HookMetrics.WINDOW);
    assertThat(stats.p99()).isEqualTo(Duration.ofMillis(1));
  }
}
