package dev.pyplugins.runtime.internal.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.runtime.FailureKind;
import dev.pyplugins.runtime.RuntimeOptions;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {
  private final FakeClock clock = new FakeClock();
  private final RuntimeOptions noJitter = RuntimeOptions.builder().restartJitter(0).crashLoopMaxFailures(10).build();

  private static Duration delayOf(RestartDecision d) {
    assertThat(d).isInstanceOf(RestartDecision.Restart.class);
    return ((RestartDecision.Restart) d).delay();
  }

  @Test
  void delayDoublesPerConsecutiveFailureUpToTheCap() {
    RestartPolicy policy = new RestartPolicy(noJitter, clock, () -> 0.5);

    var delays = new java.util.ArrayList<Long>();
    for (int i = 0; i < 9; i++) {
      delays.add(delayOf(policy.failed(FailureKind.CRASHED, OptionalInt.of(1))).toMillis());
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(delays).containsExactly(250L, 500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L);
  }

  @Test
  void firstRestartComesWithinASecondEvenWithFullJitter() {
    RestartPolicy policy = new RestartPolicy(RuntimeOptions.defaults(), clock, () -> 0.999_999);

    Duration first = delayOf(policy.failed(FailureKind.CRASHED, OptionalInt.of(137)));

    assertThat(first).isBetween(Duration.ofMillis(250), Duration.ofMillis(300));
  }

  @Test
  void jitterSpreadsTheDelayBothWays() {
    RuntimeOptions opts = RuntimeOptions.builder().restartJitter(0.2).build();

    Duration low = delayOf(new RestartPolicy(opts, clock, () -> 0.0).failed(FailureKind.CRASHED, OptionalInt.empty()));
    Duration high = delayOf(new RestartPolicy(opts, clock, () -> 1.0).failed(FailureKind.CRASHED, OptionalInt.empty()));

    assertThat(low).isEqualTo(Duration.ofMillis(200));
    assertThat(high).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void thirdFailureWithinSixtyMinutesGivesUpAsMattermostDoes() {
    RestartPolicy policy = new RestartPolicy(RuntimeOptions.defaults(), clock, () -> 0.5);

    assertThat(policy.failed(FailureKind.CRASHED, OptionalInt.of(1))).isInstanceOf(RestartDecision.Restart.class);
    clock.advance(Duration.ofMinutes(30));
    assertThat(policy.failed(FailureKind.UNHEALTHY, OptionalInt.empty())).isInstanceOf(RestartDecision.Restart.class);
    clock.advance(Duration.ofMinutes(29));

    assertThat(policy.failed(FailureKind.CRASHED, OptionalInt.of(1)))
        .isEqualTo(new RestartDecision.GiveUp("3 failures within 60 min"));
  }

  @Test
  void failuresOlderThanTheWindowAreForgotten() {
    RestartPolicy policy = new RestartPolicy(RuntimeOptions.defaults(), clock, () -> 0.5);
    policy.failed(FailureKind.CRASHED, OptionalInt.of(1));
    clock.advance(Duration.ofMinutes(59));
    policy.failed(FailureKind.CRASHED, OptionalInt.of(1));
    clock.advance(Duration.ofMinutes(2));

    assertThat(policy.failed(FailureKind.CRASHED, OptionalInt.of(1))).isInstanceOf(RestartDecision.Restart.class);
    assertThat(policy.failuresInWindow()).isEqualTo(2);
  }

  @Test
  void pluginThatStayedUpStartsTheDoublingOver() {
    RestartPolicy policy = new RestartPolicy(noJitter, clock, () -> 0.5);
    policy.failed(FailureKind.CRASHED, OptionalInt.of(1));
    policy.failed(FailureKind.CRASHED, OptionalInt.of(1));
    assertThat(delayOf(policy.failed(FailureKind.CRASHED, OptionalInt.of(1)))).isEqualTo(Duration.ofMillis(1000));

    policy.started();
    clock.advance(Duration.ofMinutes(1));

    assertThat(delayOf(policy.failed(FailureKind.CRASHED, OptionalInt.of(1)))).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void pluginThatDiesSoonAfterARestartKeepsDoubling() {
    RestartPolicy policy = new RestartPolicy(noJitter, clock, () -> 0.5);
    policy.failed(FailureKind.CRASHED, OptionalInt.of(1));
    policy.started();
    clock.advance(Duration.ofSeconds(5));

    assertThat(delayOf(policy.failed(FailureKind.CRASHED, OptionalInt.of(1)))).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void incurableFailuresGiveUpAtOnce() {
    RestartPolicy policy = new RestartPolicy(RuntimeOptions.defaults(), clock, () -> 0.5);

    assertThat(policy.failed(FailureKind.HANDSHAKE_INCOMPATIBLE, OptionalInt.empty()))
        .isEqualTo(new RestartDecision.GiveUp("HANDSHAKE_INCOMPATIBLE is not cured by a restart"));
    assertThat(policy.failed(FailureKind.CRASHED, OptionalInt.of(127)))
        .isEqualTo(new RestartDecision.GiveUp("exit status 127: the command or interpreter was not found"));
  }
}
