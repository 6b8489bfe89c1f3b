package dev.pyplugins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyplugins.protocol.v1.CommandArgs;
import dev.pyplugins.runtime.testing.CallerEchoApi;
import dev.pyplugins.runtime.testing.SdkPlugins;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two SDK plugins run as the same OS user; one attacks the other (sdk-fixture/attacker.py): it reads the
 * sibling's /proc/&lt;pid&gt;/environ and cmdline, calls the host API on the sibling's socket with what it
 * found (KVSet, GetServerVersion), and dials the sibling's own gRPC socket to call its ExecuteCommand hook
 * without the host. Every step must fail, and the host's state must show it.
 */
class PluginIsolationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path plugins;
  /** A socket base of its own, so the attacker only ever finds this test's plugins. */
  @TempDir Path socketBase;
  private PluginEnvironment environment;
  private final CallerEchoApi api = new CallerEchoApi();

  @AfterEach
  void tearDown() {
    if (environment != null) {
      environment.close();
    }
  }

  @Test
  void aPluginCannotStealItsSiblingsCredentialNorCallItsHooks() throws Exception {
    SdkPlugins.plugin(plugins, "com.example.attacker", Map.of(), "attacker.py");
    SdkPlugins.plugin(plugins, "com.example.victim", Map.of("drop_capabilities", true));
    environment = PluginEnvironment.builder().pluginsDirectory(plugins).pluginApi(api)
        .options(RuntimeOptions.builder().socketBaseDir(socketBase).build()).build();
    assertThat(environment.loadAll()).allSatisfy(s -> assertThat(s.state()).isEqualTo(PluginState.RUNNING));
    long victim = environment.status("com.example.victim").orElseThrow().pid().getAsLong();

    String answer = environment.hooks("com.example.attacker").orElseThrow().executeCommand(null,
        CommandArgs.newBuilder().setCommand("/attack " + victim + " " + socketBase).build()).getText();
    System.out.println("attack on a sibling plugin: " + answer);
    JsonNode report = JSON.readTree(answer);

    assertThat(report.get("capabilities").asText()).isIn("dropped", "not root");
    assertThat(report.get("environ").asText()).as("the sibling's environment").startsWith("refused:");
    assertThat(report.get("token_in_environ").asBoolean()).isFalse();
    assertThat(report.get("token_in_cmdline").asBoolean()).isFalse();
    List<String> apiAttempts = new ArrayList<>();
    report.get("api").forEach(target -> target.forEach(attempt -> apiAttempts.add(attempt.asText())));
    assertThat(apiAttempts).as("KVSet and GetServerVersion on the sibling's API socket").hasSize(2)
        .allSatisfy(a -> assertThat(a).startsWith("refused:"));
    List<String> hookAttempts = new ArrayList<>();
    report.get("hooks").forEach(attempt -> hookAttempts.add(attempt.asText()));
    assertThat(hookAttempts).as("ExecuteCommand on the sibling's own socket").hasSize(1)
        .allSatisfy(a -> assertThat(a).startsWith("refused:"));
    assertThat(api.store("com.example.victim")).as("the victim's KV store").doesNotContainKey("stolen");

    // The victim itself still works: its own process calls the API as itself.
    assertThat(environment.hooks("com.example.victim").orElseThrow().executeCommand(null, null).getText())
        .isEqualTo("caller=com.example.victim");
  }
}
