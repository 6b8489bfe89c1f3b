package dev.pyplugins.runtime.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.runtime.RuntimeOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stops and kills reach every descendant of a plugin: SIGTERM ignored, grandchildren, setsid daemons. */
class PluginStopTest extends LauncherTestBase {
  @Test
  void pluginIgnoringSigtermIsKilledWithinTheBudget() throws Exception {
    RuntimeOptions quick = options.toBuilder().sigtermGrace(Duration.ofMillis(500)).build();
    LaunchedPlugin p = launch("ignores-sigterm", quick, ProcessGroups.detect());
    pidFrom(out.resolve("booted"));

    StopResult result = p.process().stop(List.of());

    assertThat(result.phase()).isEqualTo(StopResult.Phase.KILLED);
    assertThat(result.exit().killedBySignal()).isTrue();
    assertThat(result.exit().toString()).isEqualTo("killed by signal 9 (SIGKILL)");
    assertThat(result.took()).isBetween(Duration.ofMillis(500), Duration.ofMillis(3000));
    System.out.printf("SIGTERM ignored: SIGKILLed, stop took %d ms (grace 500 ms)%n", result.took().toMillis());
  }

  @Test
  void groupKillReachesTheGrandchild() throws Exception {
    LaunchedPlugin p = launch("forks-child");
    long child = pidFrom(out.resolve("child"));
    assertThat(Fixtures.isRunning(child)).isTrue();

    p.process().stop(List.of());

    assertThat(Fixtures.awaitGone(child, Duration.ofSeconds(2))).as("grandchild %d gone", child).isTrue();
  }

  @Test
  void setsidDaemonOfThePluginIsGoneAfterItsStop() throws Exception {
    LaunchedPlugin p = launch("setsid-grandchild");
    long daemon = pidFrom(out.resolve("daemon"));
    assertThat(Fixtures.isRunning(daemon)).isTrue();

    StopResult result = p.process().stop(List.of());

    assertThat(Fixtures.awaitGone(daemon, Duration.ofSeconds(3))).as("setsid daemon %d gone within 3 s", daemon)
        .isTrue();
    assertThat(result.phase()).isEqualTo(StopResult.Phase.TERMINATED);
  }

  @Test
  void setsidDaemonIsGoneAfterTheStopEvenWithoutTheKillCommand() throws Exception {
    LaunchedPlugin p = launch("setsid-grandchild", options, ProcessGroups.unavailable());
    long daemon = pidFrom(out.resolve("daemon"));

    p.process().stop(List.of());

    assertThat(Fixtures.awaitGone(daemon, Duration.ofSeconds(3))).as("setsid daemon %d gone", daemon).isTrue();
  }

  @Test
  void setsidDaemonIsGoneWhenThePluginCrashesOrIsKilled() throws Exception {
    LaunchedPlugin p = launch("setsid-grandchild");
    long daemon = pidFrom(out.resolve("daemon"));

    ProcessHandle.of(p.process().pid()).orElseThrow().destroyForcibly();

    assertThat(p.process().onExit().get(5, java.util.concurrent.TimeUnit.SECONDS).toString())
        .isEqualTo("killed by signal 9 (SIGKILL)");
    assertThat(Fixtures.awaitGone(daemon, Duration.ofSeconds(3))).as("setsid daemon %d gone", daemon).isTrue();
  }

  @Test
  void withoutProcessGroupsTheDescendantsAreStillKilled() throws Exception {
    LaunchedPlugin p = launch("forks-child", options, ProcessGroups.unavailable());
    long child = pidFrom(out.resolve("child"));

    assertThat(p.process().hasProcessGroup()).isFalse();
    p.process().stop(List.of());

    assertThat(Fixtures.awaitGone(child, Duration.ofSeconds(2))).as("child %d gone", child).isTrue();
  }
}
