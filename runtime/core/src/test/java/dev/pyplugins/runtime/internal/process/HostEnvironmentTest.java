package dev.pyplugins.runtime.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, through the real {@code System.getenv()}: a host JVM started with a secret in its environment
 * launches a plugin that records its own; the secret must not be there.
 */
class HostEnvironmentTest {
  @TempDir Path out;
  private Path socketBase;
  private Process host;

  @AfterEach
  void cleanUp() throws InterruptedException {
    if (host != null) {
      host.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    if (socketBase != null) {
      SocketDirectory.deleteTree(socketBase);
    }
  }

  @Test
  void aSecretInTheHostsEnvironmentDoesNotReachThePlugin() throws Exception {
    socketBase = Files.createTempDirectory(Path.of("/tmp"), "pye");
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        HostCrashMain.class.getName(), out.toString(), socketBase.toString(), "env-dump")
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("SECRET_HOST_TOKEN", "host-only-5f3a");
    pb.environment().put("LC_MESSAGES", "C");
    host = pb.start();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null && !line.equals("ready")) {
        // the plugin's pid and socket directory
      }
    }
    JsonNode env = new ObjectMapper().readTree(out.resolve("env.json").toFile());

    assertThat(env.has("SECRET_HOST_TOKEN")).as("variables the plugin got: %s", names(env)).isFalse();
    assertThat(env.get("PATH").asText()).endsWith(System.getenv("PATH")); // pyenv may prepend its own
    assertThat(env.get("LC_MESSAGES").asText()).isEqualTo("C");
    assertThat(env.get("MATTERMOST_PLUGIN_ID").asText()).isEqualTo("fixture.env-dump");
  }

  private static java.util.List<String> names(JsonNode env) {
    java.util.List<String> names = new java.util.ArrayList<>();
    env.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
