package dev.pyplugins.runtime.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyplugins.runtime.FailureKind;
import dev.pyplugins.runtime.PluginException;
import dev.pyplugins.runtime.RuntimeOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The go-plugin handshake from real child processes: AutoMTLS, garbage, foreign sockets, deadlines, versions. */
class PluginHandshakeTest extends LauncherTestBase {
  @Test
  void autoMtlsHostSendsItsCertificateAndRefusesAPluginWithoutOne() throws Exception {
    RuntimeOptions mtls = options.toBuilder().autoMtls(true).build();

    assertThatThrownBy(() -> launch("env-dump", mtls, ProcessGroups.detect()))
        .isInstanceOfSatisfying(PluginException.class, e -> {
          assertThat(e.kind()).isEqualTo(FailureKind.HANDSHAKE_INCOMPATIBLE);
          assertThat(e.getMessage()).contains("sent no certificate");
        });
    JsonNode env = new ObjectMapper().readTree(out.resolve("env.json").toFile());
    assertThat(env.get("PLUGIN_CLIENT_CERT").asText()).startsWith("-----BEGIN CERTIFICATE-----\n");
    // A Python plugin is handed its own key pair on the bootstrap line (never in the environment), so the
    // SDK need not make one before its handshake.
    JsonNode bootstrap = new ObjectMapper().readTree(out.resolve("bootstrap.json").toFile());
    assertThat(bootstrap.get(BootstrapLine.PLUGIN_CERT).asText()).startsWith("-----BEGIN CERTIFICATE-----\n");
    assertThat(bootstrap.get(BootstrapLine.PLUGIN_KEY).asText()).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(env.toString()).doesNotContain("PRIVATE KEY");
    assertThat(socketDirs()).isEmpty();
  }

  @Test
  void garbageHandshakeKillsThePluginAndSaysWhatItPrinted() throws Exception {
    assertThatThrownBy(() -> launch("garbage-handshake"))
        .isInstanceOfSatisfying(PluginException.class, e -> {
          assertThat(e.kind()).isEqualTo(FailureKind.HANDSHAKE_INVALID);
          assertThat(e.getMessage()).contains("Unrecognized remote plugin message: 'Starting my plugin... loading"
              + " config'").contains("printed to stdout before its handshake line").contains("command: ");
        });
    long booted = pidFrom(out.resolve("booted"));
    assertThat(Fixtures.isRunning(booted)).isFalse();
    assertThat(socketDirs()).isEmpty();
  }

  @Test
  void handshakeNamingASocketOutsideThePrivateDirectoryIsRefused() throws Exception {
    assertThatThrownBy(() -> launch("foreign-socket"))
        .isInstanceOfSatisfying(PluginException.class, e -> {
          assertThat(e.kind()).isEqualTo(FailureKind.HANDSHAKE_INVALID);
          assertThat(e.getMessage()).contains("outside the plugin's private socket directory")
              .contains(out.toString()).contains("PLUGIN_UNIX_SOCKET_DIR");
        });
    assertThat(Fixtures.awaitFile(out.resolve("foreign-socket"), Duration.ofSeconds(1))).isPresent();
    assertThat(socketDirs()).as("the plugin was killed and its directory removed").isEmpty();
  }

  @Test
  void handshakeNamingASymlinkThatLeadsOutOfThePrivateDirectoryIsRefused() {
    assertThatThrownBy(() -> launch("symlinked-socket"))
        .isInstanceOfSatisfying(PluginException.class, e -> {
          assertThat(e.kind()).isEqualTo(FailureKind.HANDSHAKE_INVALID);
          assertThat(e.getMessage()).contains("outside the plugin's private socket directory").contains("sibling.sock");
        });
  }

  @Test
  void missingHandshakeFailsAtTheDeadlineAndKillsThePlugin() throws Exception {
    RuntimeOptions fast = options.toBuilder().handshakeTimeout(Duration.ofMillis(1500)).build();
    long start = System.nanoTime();

    assertThatThrownBy(() -> launch("no-handshake", fast, ProcessGroups.detect()))
        .isInstanceOfSatisfying(PluginException.class, e -> {
          assertThat(e.kind()).isEqualTo(FailureKind.HANDSHAKE_TIMEOUT);
          assertThat(e.getMessage()).contains("timeout while waiting for plugin to start: no handshake line on"
              + " stdout within 1500 ms");
        });
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(tookMs).isBetween(1500L, 4000L);
    assertThat(Fixtures.isRunning(pidFrom(out.resolve("booted")))).isFalse();
    assertThat(socketDirs()).isEmpty();
    System.out.printf("missing handshake: failed after %d ms (deadline 1500 ms), plugin killed%n", tookMs);
  }

  @Test
  void pluginExitingBeforeTheHandshakeReportsExitStatusAndStderr() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> launch("exits-immediately"))
        .isInstanceOfSatisfying(PluginException.class, e -> {
          assertThat(e.kind()).isEqualTo(FailureKind.EXITED_BEFORE_HANDSHAKE);
          assertThat(e.getMessage()).contains("plugin exited before we could connect");
          assertThat(e.exitCode()).hasValue(3);
          assertThat(e.stderrTail()).containsExactly("loading settings", "error: config file settings.toml missing");
          assertThat(e.getMessage()).contains("(exit status 3)").contains("error: config file settings.toml missing");
        });
    System.out.printf("early exit: reported after %d ms%n", (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void unofferedAppVersionIsRejectedWithBothSides() {
    assertThatThrownBy(() -> launch("version-mismatch"))
        .isInstanceOfSatisfying(PluginException.class, e -> {
          assertThat(e.kind()).isEqualTo(FailureKind.HANDSHAKE_INCOMPATIBLE);
          assertThat(e.getMessage()).contains("plugin version 7, host versions [1]");
        });
  }
}
