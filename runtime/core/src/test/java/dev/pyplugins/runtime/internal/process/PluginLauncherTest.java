package dev.pyplugins.runtime.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyplugins.runtime.RuntimeOptions;
import dev.pyplugins.runtime.internal.handshake.Network;
import dev.pyplugins.runtime.internal.manifest.InterpreterLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Launch, environment, stop results, crash notice and output: real child processes, one fixture per behaviour. */
class PluginLauncherTest extends LauncherTestBase {
  @Test
  void healthyPluginHandshakesInItsPrivateSocketDirectoryAndStopsOnSigterm() throws Exception {
    LaunchedPlugin p = launch("healthy");
    Path dir = p.process().socketDirectory().orElseThrow().path();

    assertThat(p.handshake().network()).isEqualTo(Network.UNIX);
    assertThat(Path.of(p.handshake().address())).isEqualTo(dir.resolve("plugin.sock"));
    assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(dir.getParent()).isEqualTo(socketBase);
    assertThat(dir.getFileName().toString()).matches("pyp-[a-z0-9]{8}");
    assertThat(p.process().hasProcessGroup()).isTrue();

    StopResult result = p.process().stop(List.of());

    assertThat(result.phase()).isEqualTo(StopResult.Phase.TERMINATED);
    assertThat(result.exit().code()).isZero();
    assertThat(out.resolve("terminated")).exists();
    assertThat(p.process().isAlive()).isFalse();
    assertThat(dir).doesNotExist();
    System.out.printf("healthy plugin: stopped by SIGTERM in %d ms%n", result.took().toMillis());
  }

  @Test
  void gracefulStepThatEndsThePluginAvoidsSignals() throws Exception {
    LaunchedPlugin p = launch("healthy");

    StopResult result = p.process().stop(List.of(new GracefulStep("Shutdown", Duration.ofSeconds(1),
        () -> Files.writeString(out.resolve("shutdown"), "now"))));

    assertThat(result.phase()).isEqualTo(StopResult.Phase.GRACEFUL);
    assertThat(out.resolve("graceful")).exists();
    assertThat(out.resolve("terminated")).doesNotExist();
  }

  @Test
  void stopIsIdempotentAndConcurrentCallersGetTheSameResult() throws Exception {
    LaunchedPlugin p = launch("healthy");
    var other = java.util.concurrent.CompletableFuture.supplyAsync(() -> p.process().stop(List.of()));

    StopResult mine = p.process().stop(List.of());

    assertThat(other.get()).isSameAs(mine);
    assertThat(p.process().stop(List.of())).isSameAs(mine);
  }

  @Test
  void environmentCarriesTheGoPluginHandshakeAndOurVariables() throws Exception {
    LaunchedPlugin p = launch("env-dump");
    JsonNode env = new ObjectMapper().readTree(out.resolve("env.json").toFile());

    assertThat(env.get("MATTERMOST_PLUGIN").asText()).isEqualTo("Securely message teams, anywhere.");
    assertThat(env.get("PLUGIN_PROTOCOL_VERSIONS").asText()).isEqualTo("1");
    assertThat(env.get("PLUGIN_MIN_PORT").asText()).isEqualTo("10000");
    assertThat(env.get("PLUGIN_MAX_PORT").asText()).isEqualTo("25000");
    assertThat(env.get("PLUGIN_UNIX_SOCKET_DIR").asText())
        .isEqualTo(p.process().socketDirectory().orElseThrow().path().toString());
    assertThat(env.get("MATTERMOST_PLUGIN_ID").asText()).isEqualTo("fixture.env-dump");
    assertThat(env.get("MATTERMOST_PLUGIN_PATH").asText()).endsWith("fixtures/env-dump");
    assertThat(env.get("MATTERMOST_PLUGIN_HOOK_TIMEOUT").asText()).isEqualTo("30");
    assertThat(env.get("MATTERMOST_PLUGIN_LOG_LEVEL").asText()).isEqualTo("info");
    assertThat(env.get("MATTERMOST_PLUGIN_LIFELINE").asText()).isEqualTo("stdin");
    assertThat(env.has("PLUGIN_CLIENT_CERT")).isFalse();
    assertThat(env.has("PLUGIN_MULTIPLEX_GRPC")).isFalse();
    assertThat(env.get("MATTERMOST_PLUGIN_BOOTSTRAP").asText()).isEqualTo("stdin");
    assertThat(Fixtures.awaitFile(out.resolve("bootstrap.json"), Duration.ofSeconds(5))).as("the bootstrap line")
        .hasValue("{}\n");
  }

  @Test
  void pluginGetsOnlyTheAllowListedHostVariablesPlusTheAddedOnes() throws Exception {
    Map<String, String> host = Map.of("PATH", System.getenv("PATH"), "HOME", "/home/host", "LANG", "C.UTF-8",
        "LC_TIME", "de_DE.UTF-8", "TZ", "UTC", "SECRET_HOST_TOKEN", "s3cr3t", "AWS_SECRET_ACCESS_KEY", "aws",
        "PROXY_FOR_PLUGINS", "http://proxy:3128", "MATTERMOST_PLUGIN_ID", "spoofed");
    RuntimeOptions opts = options.toBuilder().inheritedEnvironment(Set.of("PROXY_FOR_PLUGINS"))
        .pluginEnvironment(Map.of("ADDED_BY_HOST", "yes", "LANG", "en_GB.UTF-8")).build();
    PluginLauncher launcher = new PluginLauncher(opts, ProcessGroups.detect(), Subreaper.detect(),
        InterpreterLocator.onSystemPath("python3"), () -> host);
    launched = launcher.launch(Fixtures.manifest("env-dump"),
        dir -> SpawnInputs.environment(Map.of("FIXTURE_OUT", out.toString())),
        pid -> logs::add);
    JsonNode env = new ObjectMapper().readTree(out.resolve("env.json").toFile());

    assertThat(env.has("SECRET_HOST_TOKEN")).isFalse();
    assertThat(env.has("AWS_SECRET_ACCESS_KEY")).isFalse();
    assertThat(env.get("HOME").asText()).isEqualTo("/home/host");
    assertThat(env.get("LC_TIME").asText()).isEqualTo("de_DE.UTF-8");
    assertThat(env.get("TZ").asText()).isEqualTo("UTC");
    assertThat(env.get("PROXY_FOR_PLUGINS").asText()).isEqualTo("http://proxy:3128");
    assertThat(env.get("ADDED_BY_HOST").asText()).isEqualTo("yes");
    assertThat(env.get("LANG").asText()).as("an added value wins over the host's").isEqualTo("en_GB.UTF-8");
    assertThat(env.get("MATTERMOST_PLUGIN_ID").asText()).as("the launcher's own win").isEqualTo("fixture.env-dump");
    assertThat(env.get("MATTERMOST_PLUGIN").asText()).isEqualTo("Securely message teams, anywhere.");
  }

  @Test
  void crashIsNoticedFromTheExitAtOnceWithTracebackLoggedAtError() throws Exception {
    LaunchedPlugin p = launch("crashes");

    ExitStatus status = p.process().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);

    assertThat(status.code()).isEqualTo(1);
    p.process().stop(List.of());
    assertThat(p.process().stderrTail()).last().isEqualTo("ValueError: boom: the plugin crashed");
    assertThat(logs).anySatisfy(e -> {
      assertThat(e.level()).isEqualTo(dev.pyplugins.runtime.internal.logging.LogLevel.ERROR);
      assertThat(e.message()).startsWith("Traceback (most recent call last):")
          .endsWith("ValueError: boom: the plugin crashed");
    });
  }

  @Test
  void externalSigkillIsNoticedWithinMilliseconds() throws Exception {
    LaunchedPlugin p = launch("healthy");
    long start = System.nanoTime();

    ProcessHandle.of(p.process().pid()).orElseThrow().destroyForcibly();
    ExitStatus status = p.process().onExit().get(2, java.util.concurrent.TimeUnit.SECONDS);

    long noticedMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(status.toString()).isEqualTo("killed by signal 9 (SIGKILL)");
    assertThat(noticedMs).isLessThan(1000);
    StopResult after = p.process().stop(List.of());
    assertThat(after.phase()).isEqualTo(StopResult.Phase.ALREADY_EXITED);
    assertThat(socketDirs()).isEmpty();
    System.out.printf("external SIGKILL: exit noticed after %d ms%n", noticedMs);
  }

  @Test
  void megabytesOfStdoutAndStderrNeverBlockThePlugin() throws Exception {
    long start = System.nanoTime();
    LaunchedPlugin p = launch("noisy");

    var stdout = Fixtures.awaitFile(out.resolve("stdout-done"), Duration.ofSeconds(60));
    var stderr = Fixtures.awaitFile(out.resolve("stderr-done"), Duration.ofSeconds(60));

    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(stdout).as("stdout writer finished").isPresent();
    assertThat(stderr).as("stderr writer finished").isPresent();
    assertThat(p.process().isAlive()).isTrue();
    long bytes = Long.parseLong(stdout.get()) + Long.parseLong(stderr.get());
    assertThat(bytes).isGreaterThan(16L * 1024 * 1024);
    assertThat(p.process().stop(List.of()).phase()).isEqualTo(StopResult.Phase.TERMINATED);
    assertThat(p.process().stderrTail()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(1027));
    System.out.printf("noisy plugin: %.1f MiB through stdout+stderr in %.2f s, never blocked%n",
        bytes / 1048576.0, seconds);
  }
}
