package dev.pyplugins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.protocol.v1.HookName;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.runtime.testing.CallerEchoApi;
import dev.pyplugins.runtime.testing.PluginProcesses;
import dev.pyplugins.runtime.testing.SdkPlugins;
import dev.pyplugins.runtime.testing.StateLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the supervisor copes with plugins that go wrong: killed, crash-looping, hung, refusing to start,
 * garbage or no handshake. Each test prints what it measured.
 */
class SupervisionReliabilityTest {
  @TempDir Path plugins;
  private final StateLog log = new StateLog();
  private PluginEnvironment environment;

  @AfterEach
  void close() {
    if (environment != null) {
      environment.close();
    }
  }

  private PluginEnvironment environment(RuntimeOptions options) {
    environment = PluginEnvironment.builder().pluginsDirectory(plugins).pluginApi(new CallerEchoApi())
        .options(options).listener(log).build();
    return environment;
  }

  @Test
  void sigkilledPluginIsBackWithinOneSecondThenRestartsWithBackoffAndNewCredentials() {
    SdkPlugins.plugin(plugins, "com.example.victim", Map.of());
    // Default restart timing (250 ms, doubling) without the jitter, so the backoff shows plainly.
    environment(RuntimeOptions.builder().restartJitter(0).build()).loadAll();
    long pid1 = environment.status("com.example.victim").orElseThrow().pid().getAsLong();
    Map<String, String> env1 = PluginProcesses.environment(pid1);

    long crash1 = System.nanoTime();
    PluginProcesses.sigkill(pid1);
    StateLog.Change noticed1 = log.awaitState("com.example.victim", crash1, PluginState.RESTARTING, Duration.ofSeconds(5));
    StateLog.Change starting1 = log.awaitState("com.example.victim", crash1, PluginState.STARTING, Duration.ofSeconds(5));
    StateLog.Change running1 = log.awaitState("com.example.victim", crash1, PluginState.RUNNING, Duration.ofSeconds(10));
    long pid2 = running1.status().pid().getAsLong();
    Map<String, String> env2 = PluginProcesses.environment(pid2);

    long crash2 = System.nanoTime();
    PluginProcesses.sigkill(pid2);
    StateLog.Change starting2 = log.awaitState("com.example.victim", crash2, PluginState.STARTING, Duration.ofSeconds(5));
    StateLog.Change running2 = log.awaitState("com.example.victim", crash2, PluginState.RUNNING, Duration.ofSeconds(10));

    long noticedMs = StateLog.millisBetween(crash1, noticed1.nanos());
    long restart1Ms = StateLog.millisBetween(crash1, starting1.nanos());
    long up1Ms = StateLog.millisBetween(crash1, running1.nanos());
    long restart2Ms = StateLog.millisBetween(crash2, starting2.nanos());
    long up2Ms = StateLog.millisBetween(crash2, running2.nanos());
    System.out.printf("SIGKILL mid-run: crash noticed after %d ms; 1st restart began %d ms after the crash, running"
        + " again after %d ms; 2nd crash: restart began after %d ms (backoff), running after %d ms%n", noticedMs,
        restart1Ms, up1Ms, restart2Ms, up2Ms);

    assertThat(noticedMs).as("crash noticed from the exit, not a health tick").isLessThan(500);
    assertThat(restart1Ms).as("first restart within 1 s of the crash").isLessThan(1000);
    assertThat(up1Ms).as("running again").isLessThan(2500);
    assertThat(restart2Ms - restart1Ms).as("the second restart waits longer (backoff)").isGreaterThan(150);
    assertThat(running2.status().restarts()).isEqualTo(2);
    assertThat(running2.status().lastFailure()).hasValueSatisfying(f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.CRASHED);
      assertThat(f.message()).contains("killed by signal 9");
    });
    // A restart makes new host-side state: another socket directory, endpoint and token.
    assertThat(env2).as("the token travels on stdin, not in the environment")
        .doesNotContainKey("MATTERMOST_PLUGIN_API_TOKEN");
    assertThat(env2.get("MATTERMOST_PLUGIN_API_TARGET")).isNotEqualTo(env1.get("MATTERMOST_PLUGIN_API_TARGET"));
    assertThat(Path.of(env1.get("PLUGIN_UNIX_SOCKET_DIR"))).doesNotExist();
    assertThat(environment.hooks("com.example.victim").orElseThrow().executeCommand(null, null).getText())
        .isEqualTo("caller=com.example.victim");
  }

  @Test
  void crashLoopEndsInTheFailedStateWithTheExitReasonAndStderrTail() {
    SdkPlugins.plugin(plugins, "com.example.looper", Map.of("exit_after_activate", true));
    long start = System.nanoTime();
    environment(RuntimeOptions.builder().restartInitialDelay(Duration.ofMillis(50)).build()).loadAll();

    StateLog.Change failed = log.awaitState("com.example.looper", start, PluginState.FAILED, Duration.ofSeconds(30));
    PluginStatus status = failed.status();
    System.out.printf("crash loop: FAILED after %d ms and %d restarts: reason '%s', last failure: %s%n",
        StateLog.millisBetween(start, failed.nanos()), status.restarts(), status.reason().orElse(""),
        status.lastFailure().map(f -> f.kind() + " exit " + f.exitCode()).orElse("-"));
    assertThat(status.reason()).contains("3 failures within 60 min");
    assertThat(status.restarts()).isEqualTo(2);
    assertThat(status.lastFailure()).hasValueSatisfying(f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.CRASHED);
      assertThat(f.exitCode()).hasValue(3);
      assertThat(f.message()).contains("exit status 3");
    });
    assertThat(environment.hooks("com.example.looper")).isEmpty();
  }

  @Test
  void hungHookHitsItsDeadlineWhileTheOtherPluginsKeepAnswering() {
    SdkPlugins.plugin(plugins, "com.example.a-hung", Map.of("hook_delay", 20));
    SdkPlugins.plugin(plugins, "com.example.b-fast", Map.of());
    environment(RuntimeOptions.builder().hookTimeout(HookName.MESSAGE_WILL_BE_POSTED, Duration.ofMillis(500)).build()).loadAll();

    List<String> answers = new ArrayList<>();
    long start = System.nanoTime();
    environment.runMultiHook(HookName.MESSAGE_WILL_BE_POSTED, (id, hooks) -> {
      long t = System.nanoTime();
      String message = hooks.messageWillBePosted(null, Post.newBuilder().setMessage("m").build()).getPost().getMessage();
      answers.add(id + "=" + message + " in " + StateLog.millisBetween(t, System.nanoTime()) + " ms");
      return true;
    });
    long totalMs = StateLog.millisBetween(start, System.nanoTime());
    List<String> broadcastAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();
    long broadcastStart = System.nanoTime();
    environment.broadcast(HookName.MESSAGE_WILL_BE_POSTED, (id, hooks) -> broadcastAnswers.add(
        hooks.messageWillBePosted(null, Post.newBuilder().setMessage("b").build()).getPost().getMessage()));
    long broadcastMs = StateLog.millisBetween(broadcastStart, System.nanoTime());
    long fastStart = System.nanoTime();
    String fast = environment.hooks("com.example.b-fast").orElseThrow()
        .messageWillBePosted(null, Post.newBuilder().setMessage("n").build()).getPost().getMessage();
    long fastMs = StateLog.millisBetween(fastStart, System.nanoTime());
    System.out.printf("hung hook: runMultiHook over a hung and a healthy plugin took %d ms: %s; broadcast took %d ms;"
        + " the healthy one then answered in %d ms; metrics %s%n", totalMs, answers, broadcastMs, fastMs,
        environment.metrics().hook(HookName.MESSAGE_WILL_BE_POSTED).orElseThrow());

    assertThat(answers).hasSize(2);
    assertThat(answers.get(0)).startsWith("com.example.a-hung= in "); // failed open: the post unchanged
    assertThat(answers.get(1)).startsWith("com.example.b-fast=m [com.example.b-fast]");
    assertThat(totalMs).isLessThan(500 + 250 + 700);
    assertThat(fast).isEqualTo("n [com.example.b-fast]");
    assertThat(broadcastAnswers).containsExactlyInAnyOrder("", "b [com.example.b-fast]");
    assertThat(broadcastMs).isLessThan(500 + 250 + 700);
    assertThat(environment.metrics().hook(HookName.MESSAGE_WILL_BE_POSTED).orElseThrow().errors()).isEqualTo(2);
    assertThat(environment.status("com.example.a-hung").orElseThrow().state()).isEqualTo(PluginState.RUNNING);
  }

  @Test
  void frozenPluginFailsItsHealthChecksAndIsRestarted() {
    SdkPlugins.plugin(plugins, "com.example.frozen", Map.of());
    environment(RuntimeOptions.builder().healthCheckInterval(Duration.ofMillis(100))
        .healthCheckTimeout(Duration.ofMillis(100)).pingFailLimit(3).build()).loadAll();
    long pid = environment.status("com.example.frozen").orElseThrow().pid().getAsLong();

    long frozenAt = System.nanoTime();
    ProcessHandle.of(pid).orElseThrow();
    signal(pid, "STOP");
    StateLog.Change restarting = log.awaitState("com.example.frozen", frozenAt, PluginState.RESTARTING,
        Duration.ofSeconds(5));
    StateLog.Change running = log.awaitState("com.example.frozen", frozenAt, PluginState.RUNNING, Duration.ofSeconds(10));
    System.out.printf("frozen plugin (SIGSTOP): declared unhealthy and killed after %d ms (3 checks, 100 ms"
        + " interval and deadline), running again after %d ms%n", StateLog.millisBetween(frozenAt, restarting.nanos()),
        StateLog.millisBetween(frozenAt, running.nanos()));
    assertThat(restarting.status().lastFailure()).hasValueSatisfying(f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.UNHEALTHY);
      assertThat(f.message()).contains("3 health checks in a row failed");
    });
    assertThat(PluginProcesses.await(Duration.ofSeconds(2), () -> !PluginProcesses.alive(pid))).isTrue();
    assertThat(running.status().pid().getAsLong()).isNotEqualTo(pid);
  }

  @Test
  void onActivateErrorStopsThePluginWithTheReasonAndNoRestart() {
    SdkPlugins.plugin(plugins, "com.example.refuser", Map.of("activate_error", "no licence for this plugin"));
    PluginStatus status = environment(RuntimeOptions.defaults()).loadAll().get(0);

    assertThat(status.state()).isEqualTo(PluginState.FAILED);
    assertThat(status.lastFailure()).hasValueSatisfying(f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.ACTIVATE_REFUSED);
      assertThat(f.message()).contains("OnActivate returned an error").contains("no licence for this plugin");
    });
    assertThat(status.restarts()).isZero();
    System.out.println("OnActivate error: " + status.lastFailure().orElseThrow().message().lines().findFirst().orElse(""));
  }

  @Test
  void garbageOrMissingHandshakeFailsWithTheReasonAndLeavesNothingRunning() throws Exception {
    pythonPlugin("com.example.garbage", "print('Starting my plugin... loading config', flush=True)\n"
        + "import time\ntime.sleep(60)\n");
    pythonPlugin("com.example.silent", "import time\ntime.sleep(60)\n");
    pythonPlugin("com.example.not-grpc", "import os, socket, sys, time\n"
        + "p = os.path.join(os.environ['PLUGIN_UNIX_SOCKET_DIR'], 'plugin.sock')\n"
        + "s = socket.socket(socket.AF_UNIX); s.bind(p); s.listen()\n"
        + "print('1|1|unix|%s|grpc|' % p, flush=True)\ntime.sleep(60)\n");
    long start = System.nanoTime();
    environment(RuntimeOptions.builder().handshakeTimeout(Duration.ofMillis(1500))
        .healthCheckTimeout(Duration.ofSeconds(1)).crashLoopMaxFailures(2).restartInitialDelay(Duration.ofMillis(50))
        .autoMtls(false) // not-grpc's plaintext handshake must reach the dial, not stop at the missing certificate
        .build()).loadAll();

    for (String id : List.of("com.example.garbage", "com.example.silent", "com.example.not-grpc")) {
      StateLog.Change failed = log.awaitState(id, start, PluginState.FAILED, Duration.ofSeconds(20));
      System.out.printf("%s: FAILED after %d ms (%s)%n", id, StateLog.millisBetween(start, failed.nanos()),
          failed.status().lastFailure().orElseThrow().message().lines().findFirst().orElse(""));
    }
    assertThat(environment.status("com.example.garbage").orElseThrow().lastFailure().orElseThrow().kind())
        .isEqualTo(FailureKind.HANDSHAKE_INVALID);
    assertThat(environment.status("com.example.silent").orElseThrow().lastFailure().orElseThrow().kind())
        .isEqualTo(FailureKind.HANDSHAKE_TIMEOUT);
    assertThat(environment.status("com.example.not-grpc").orElseThrow().lastFailure().orElseThrow().kind())
        .isEqualTo(FailureKind.CONNECT_FAILED);
    assertThat(environment.statuses()).allSatisfy(s -> assertThat(s.pid()).isEmpty());
  }

  private void pythonPlugin(String id, String code) throws Exception {
    Path dir = Files.createDirectories(plugins.resolve(id));
    Files.writeString(dir.resolve("plugin.py"), code);
    Files.writeString(dir.resolve("plugin.json"), "{\"id\": \"" + id + "\", \"server\": {\"runtime\": \"python\","
        + " \"python\": {\"entry_point\": \"plugin.py\"}}}");
  }

  private static void signal(long pid, String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
