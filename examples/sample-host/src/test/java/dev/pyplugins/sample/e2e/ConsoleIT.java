package dev.pyplugins.sample.e2e;

import static dev.pyplugins.sample.e2e.TestHost.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import dev.pyplugins.runtime.PluginState;
import dev.pyplugins.sample.admin.Bundles;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator console's API against real plugins: a bundle uploaded as Mattermost's System Console sends
 * it, its venv made with the SDK wheel, running without a host restart; a hostile bundle refused; settings
 * with a secret masked; disable, enable, remove; log tails, hook latencies, /metrics with a restart after a
 * SIGKILL; administrators only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleIT {
  private static final Path PROBES = Path.of(System.getProperty("sample.test.plugins", "src/test/plugins"));
  private TestHost host;
  private Path pluginsDir;

  @BeforeAll
  void start(@TempDir Path root) throws Exception {
    pluginsDir = TestHost.plugins(root, "hello");
    host = TestHost.startMakingVenvs(root.resolve("data"), pluginsDir);
  }

  @AfterAll
  void stop() {
    host.close();
  }

  @Test
  void aBundleIsInstalledWithItsVenvRunsAndIsRemovedWithoutARestart() throws Exception {
    byte[] bundle = Bundles.of(Map.of("test.events/plugin.json", Files.readString(PROBES.resolve(
        "events_probe/plugin.json")), "test.events/plugin.py", Files.readString(PROBES.resolve(
        "events_probe/plugin.py"))));
    long start = System.nanoTime();
    HttpResponse<String> installed = upload(bundle, false);
    long installMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(installed.statusCode()).as(installed.body()).isEqualTo(201);
    assertThat(installed.body()).contains("\"id\":\"test.events\"");
    assertThat(pluginsDir.resolve("test.events/venv/bin/python")).exists();
    assertThat(host.host.plugins().status("test.events").orElseThrow().state()).isEqualTo(PluginState.RUNNING);
    assertThat(host.get("/api/v4/plugins/statuses").body()).contains("\"plugin_id\":\"test.events\"");
    System.out.printf("bundle of %d bytes installed, venv made and plugin RUNNING in %d ms%n", bundle.length,
        installMs);

    assertThat(upload(bundle, false).body()).contains("already installed");

    HttpResponse<String> removed = host.delete("/api/v4/plugins/test.events");
    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
    assertThat(pluginsDir.resolve("test.events")).doesNotExist();
    assertThat(host.get("/api/v4/plugins/statuses").body()).doesNotContain("test.events");
    assertThat(host.delete("/api/v4/plugins/test.events").statusCode()).isEqualTo(404);
  }

  @Test
  void aHostileBundleIsRefusedAndLeavesThePluginsDirectoryAsItWas() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("evil/plugin.json", "{\"id\":\"test.evil\",\"version\":\"1.0.0\"}");
    files.put("evil/../../escaped.txt", "owned");
    HttpResponse<String> refused = upload(Bundles.of(files), false);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("climbs out of the bundle");
    try (Stream<Path> left = Files.list(pluginsDir)) {
      assertThat(left.map(p -> p.getFileName().toString())).doesNotContain("test.evil", "escaped.txt")
          .noneMatch(name -> name.startsWith(".install-"));
    }
    assertThat(pluginsDir.getParent().resolve("escaped.txt")).doesNotExist();
  }

  @Test
  void onlyASystemAdministratorUsesTheConsole() throws Exception {
    host.logIn("ann", host.host.demoLogin().userPassword());
    try {
      HttpResponse<String> denied = host.get("/api/v4/plugins/statuses");
      assertThat(denied.statusCode()).isEqualTo(403);
      assertThat(denied.body()).contains("api.context.permissions.app_error");
      assertThat(upload(Bundles.of(Map.of("plugin.json", "{}")), false).statusCode()).isEqualTo(403);
    } finally {
      host.logInAsAdmin();
    }
  }

  @Test
  void settingsComeFromTheSchemaAndSecretsStayMasked() throws Exception {
    byte[] bundle = Bundles.of(Map.of("plugin.json", Files.readString(PROBES.resolve("events_probe/plugin.json"))
        .replace("test.events", "test.settings"), "plugin.py", Files.readString(PROBES.resolve(
        "events_probe/plugin.py"))));
    assertThat(upload(bundle, false).statusCode()).isEqualTo(201);

    host.put("/api/v4/plugins/test.settings/config", "{\"Greeting\":\"hello\",\"ApiKey\":\"sk-secret\"}");
    Struct shown = json(host.get("/api/v4/plugins/test.settings/config"), 200);
    host.put("/api/v4/plugins/test.settings/config", "{\"Greeting\":\"hey\",\"ApiKey\":\""
        + shown.getFieldsOrThrow("ApiKey").getStringValue() + "\"}");

    assertThat(shown.getFieldsOrThrow("Greeting").getStringValue()).isEqualTo("hello");
    assertThat(shown.getFieldsOrThrow("ApiKey").getStringValue()).isEqualTo("********************************");
    assertThat(host.get("/api/v4/config").body()).contains("\"test.settings\":{").doesNotContain("sk-secret");
    Struct saved = host.host.api().pluginSettings().get("test.settings");
    assertThat(saved.getFieldsOrThrow("ApiKey").getStringValue()).as("the masked value sent back kept the secret")
        .isEqualTo("sk-secret");
    assertThat(saved.getFieldsOrThrow("Greeting").getStringValue()).isEqualTo("hey");
  }

  @Test
  void disableEnableLogsHookLatenciesAndMetricsWithARestart() throws Exception {
    assertThat(host.post("/api/v4/plugins/com.example.hello/disable", "").statusCode()).isEqualTo(200);
    assertThat(host.host.plugins().status("com.example.hello").orElseThrow().state()).isEqualTo(PluginState.STOPPED);
    assertThat(host.post("/api/v4/plugins/com.example.hello/enable", "").statusCode()).isEqualTo(200);
    assertThat(host.host.plugins().status("com.example.hello").orElseThrow().state()).isEqualTo(PluginState.RUNNING);

    String team = json(host.get("/api/v4/teams/name/demo"), 200).getFieldsOrThrow("id").getStringValue();
    String channel = json(host.get("/api/v4/teams/" + team + "/channels/name/town-square"), 200)
        .getFieldsOrThrow("id").getStringValue();
    for (int i = 0; i < 5; i++) {
      assertThat(host.post("/api/v4/posts", "{\"channel_id\":\"" + channel + "\",\"message\":\"teh " + i + "\"}")
          .statusCode()).isEqualTo(201);
    }
    host.post("/api/v4/commands/execute", "{\"command\":\"/hello\",\"channel_id\":\"" + channel + "\"}");

    String hooks = host.get("/api/v4/plugins/com.example.hello/hooks").body();
    assertThat(hooks).contains("\"hook\":\"MessageWillBePosted\"", "\"calls\":5", "\"p50_ms\":", "\"p99_ms\":");
    assertThat(host.get("/api/v4/plugins/com.example.hello/logs").body()).contains("hello plugin activated");

    long pid = host.host.plugins().status("com.example.hello").orElseThrow().pid().orElseThrow();
    ProcessHandle.of(pid).orElseThrow().destroyForcibly();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline && (host.host.plugins().status("com.example.hello").orElseThrow().state()
        != PluginState.RUNNING || host.host.plugins().status("com.example.hello").orElseThrow().pid().orElse(pid)
        == pid)) {
      Thread.sleep(50);
    }
    String status = host.get("/api/v4/plugins/statuses").body();
    assertThat(status).contains("\"restarts\":1", "\"kind\":\"CRASHED\"");

    HttpResponse<String> metrics = host.http().send(HttpRequest.newBuilder(host.uri("/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(metrics.body()).contains(
        "pyplugins_hook_calls_total{hook=\"MessageWillBePosted\",plugin=\"com.example.hello\"} 5",
        "pyplugins_hook_duration_seconds_bucket{hook=\"MessageWillBePosted\",plugin=\"com.example.hello\",le=\"",
        "pyplugins_api_calls_total{method=\"KVGet\",plugin=\"com.example.hello\"}",
        "pyplugins_plugin_restarts_total{plugin=\"com.example.hello\"} 1");
  }

  private HttpResponse<String> upload(byte[] bundle, boolean force) throws Exception {
    String boundary = "----sample-host-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"plugin\"; filename=\"plugin.tar.gz\""
        + "\r\nContent-Type: application/gzip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(bundle);
    if (force) {
      body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"force\"\r\n\r\ntrue")
          .getBytes(StandardCharsets.UTF_8));
    }
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return host.sendRaw(HttpRequest.newBuilder(host.uri("/api/v4/plugins")).POST(HttpRequest.BodyPublishers
        .ofByteArray(body.toByteArray())).header("Content-Type", "multipart/form-data; boundary=" + boundary));
  }
}
