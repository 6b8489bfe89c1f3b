package dev.pyplugins.runtime.internal.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyplugins.runtime.FailureKind;
import dev.pyplugins.runtime.PluginException;
import dev.pyplugins.runtime.PluginState;
import dev.pyplugins.runtime.PluginStatus;
import dev.pyplugins.runtime.RuntimeOptions;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PluginLifecycleTest {
  private final FakeClock clock = new FakeClock();
  private final PluginLifecycle lifecycle = new PluginLifecycle("com.example.p", RuntimeOptions.defaults(), clock, () -> 0.5);

  private static PluginException crash(int exit, String... stderr) {
    return new PluginException(FailureKind.CRASHED, "com.example.p", "plugin process exited",
        OptionalInt.of(exit), List.of(stderr), null);
  }

  @Test
  void crashLoopEndsInAVisibleFailedStateWithExitReasonAndStderrTail() {
    lifecycle.startRequested();
    lifecycle.started();
    for (int i = 0; i < 2; i++) {
      RestartDecision d = lifecycle.failed(crash(1, "Traceback (most recent call last):", "KeyError: 'token'"));
      assertThat(lifecycle.state()).isEqualTo(PluginState.RESTARTING);
      assertThat(lifecycle.status().nextStart()).contains(clock.instant().plus(((RestartDecision.Restart) d).delay()));
      clock.advance(((RestartDecision.Restart) d).delay());
      lifecycle.restartDue();
      lifecycle.started();
      clock.advance(Duration.ofSeconds(3));
    }

    lifecycle.failed(crash(137, "killed"));

    PluginStatus status = lifecycle.status();
    assertThat(status.state()).isEqualTo(PluginState.FAILED);
    assertThat(status.reason()).contains("3 failures within 60 min");
    assertThat(status.restarts()).isEqualTo(2);
    assertThat(status.nextStart()).isEmpty();
    assertThat(status.lastFailure()).hasValueSatisfying(f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.CRASHED);
      assertThat(f.exitCode()).hasValue(137);
      assertThat(f.stderrTail()).containsExactly("killed");
      assertThat(f.at()).isEqualTo(clock.instant());
    });
  }

  @Test
  void startByHandLeavesTheFailedStateAndForgetsTheCount() {
    lifecycle.startRequested();
    lifecycle.failed(new PluginException(FailureKind.MANIFEST_INVALID, "p", "bad"));
    assertThat(lifecycle.state()).isEqualTo(PluginState.FAILED);

    lifecycle.startRequested();

    assertThat(lifecycle.state()).isEqualTo(PluginState.STARTING);
    assertThat(lifecycle.status().reason()).isEmpty();
    assertThat(lifecycle.status().lastFailure()).isPresent();
  }

  @Test
  void stopFromAnyActiveStateEndsStopped() {
    lifecycle.startRequested();
    lifecycle.started();
    lifecycle.stopRequested();
    assertThat(lifecycle.state()).isEqualTo(PluginState.STOPPING);
    lifecycle.stopped();
    assertThat(lifecycle.state()).isEqualTo(PluginState.STOPPED);
  }

  @Test
  void illegalTransitionsAreRefused() {
    assertThatThrownBy(lifecycle::started).hasMessage("cannot go from STOPPED to RUNNING");
    assertThatThrownBy(() -> lifecycle.failed(crash(1))).hasMessage("cannot go from STOPPED");
    assertThatThrownBy(lifecycle::restartDue).hasMessage("cannot go from STOPPED to STARTING");
  }
}
