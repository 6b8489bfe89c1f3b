package dev.pyplugins.runtime.interop;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyplugins.protocol.v1.Hooks;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.runtime.PluginEnvironment;
import dev.pyplugins.runtime.internal.logging.Slf4jLogSink;
import dev.pyplugins.runtime.PluginState;
import dev.pyplugins.runtime.PluginStatus;
import dev.pyplugins.runtime.testing.PluginProcesses;
import dev.pyplugins.runtime.testing.SdkPlugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Wire compatibility with the real hashicorp/go-plugin, both ways. */
class GoInteropTest {
  @TempDir Path plugins;

  @Test
  void goPluginLoadsAnswersLogsAndStopsUnderTheJavaRuntime() throws Exception {
    Path dir = Files.createDirectories(plugins.resolve("com.example.go"));
    Files.copy(GoInterop.binaries().resolve("goplugin"), dir.resolve("goplugin"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.writeString(dir.resolve("plugin.json"),
        "{\"id\": \"com.example.go\", \"version\": \"0.1.0\", \"server\": {\"executable\": \"goplugin\"}}");
    Logger pluginLog = (Logger) LoggerFactory.getLogger(Slf4jLogSink.LOGGER_PREFIX + "com.example.go");
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    pluginLog.addAppender(logs);
    pluginLog.setLevel(Level.INFO);
    try (PluginEnvironment environment = PluginEnvironment.builder().pluginsDirectory(plugins).build()) {
      long start = System.nanoTime();
      PluginStatus status = environment.loadAll().get(0);
      long startMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(status.state()).as("%s", status).isEqualTo(PluginState.RUNNING);
      long pid = status.pid().getAsLong();
      Path socketDir = Path.of(PluginProcesses.environment(pid).get("PLUGIN_UNIX_SOCKET_DIR"));

      Hooks hooks = environment.hooks("com.example.go").orElseThrow();
      long call = System.nanoTime();
      String answer = hooks.messageWillBePosted(null, Post.newBuilder().setMessage("hello").build()).getPost().getMessage();
      long callMs = (System.nanoTime() - call) / 1_000_000;
      assertThat(answer).isEqualTo("hello [go]");
      assertThat(hooks.implemented()).containsExactly("OnActivate", "OnDeactivate", "MessageWillBePosted");
      assertThat(PluginProcesses.await(Duration.ofSeconds(5), () -> logs.list.stream()
          .anyMatch(e -> e.getFormattedMessage().contains("wrote this to os.Stderr")))).isTrue();

      long stop = System.nanoTime();
      assertThat(environment.deactivate("com.example.go").state()).isEqualTo(PluginState.STOPPED);
      long stopMs = (System.nanoTime() - stop) / 1_000_000;
      assertThat(dir.resolve("deactivated")).content().isEqualTo(Long.toString(pid));
      assertThat(PluginProcesses.alive(pid)).isFalse();
      assertThat(socketDir).doesNotExist();
      assertThat(stopMs).as("stopped by OnDeactivate and Shutdown, without signals").isLessThan(2000);

      List<String> seen = logs.list.stream().map(e -> e.getLevel() + " " + e.getMDCPropertyMap().get("plugin_source")
          + " " + e.getFormattedMessage()).toList();
      assertThat(seen).anySatisfy(l -> assertThat(l).isEqualTo("INFO stderr go plugin starting"));
      assertThat(seen).anySatisfy(l -> assertThat(l).isEqualTo("INFO stderr go plugin activated"));
      assertThat(seen).anySatisfy(l -> assertThat(l)
          .isEqualTo("WARN stdio go plugin wrote this to os.Stderr after the handshake"));
      System.out.printf("go-plugin Go plugin under the Java runtime: running in %d ms, MessageWillBePosted %d ms,"
          + " stopped (OnDeactivate, Shutdown) in %d ms; its logs: %s%n", startMs, callMs, stopMs, seen);
    } finally {
      pluginLog.detachAppender(logs);
      pluginLog.setLevel(null);
    }
  }

  @Test
  void goPluginHostLoadsAnSdkPluginAndCallsIt() throws Exception {
    Path dir = SdkPlugins.plugin(plugins, "com.example.py", Map.of());
    Path gohost = GoInterop.binaries().resolve("gohost");
    ProcessBuilder pb = new ProcessBuilder(gohost.toString(), SdkPlugins.python().toString(),
        dir.resolve("plugin.py").toString()).directory(dir.toFile())
        .redirectError(SdkPlugins.targetDirectory().resolve("gohost.log").toFile());
    pb.environment().put("MATTERMOST_PLUGIN_ID", "com.example.py");
    long start = System.nanoTime();
    Process host = pb.start();
    String out = new String(host.getInputStream().readAllBytes());
    assertThat(host.waitFor()).as("gohost exit status; its log: target/gohost.log").isZero();
    long ms = (System.nanoTime() - start) / 1_000_000;

    JsonNode result = new ObjectMapper().readTree(out);
    System.out.printf("go-plugin host with an SDK plugin: %s (whole run %d ms)%n", result, ms);
    assertThat(result.get("protocol").asText()).isEqualTo("grpc");
    assertThat(result.get("implemented").toString()).contains("\"OnActivate\"", "\"MessageWillBePosted\"");
    assertThat(result.get("message").asText()).isEqualTo("hello from go [com.example.py]");
    assertThat(result.get("ping").asText()).isEqualTo("ok");
    assertThat(result.get("exited").asBoolean()).isTrue();
    assertThat(result.get("kill_ms").asLong()).as("exits on Shutdown, before go-plugin's 2 s SIGKILL").isLessThan(2000);
    assertThat(dir.resolve("activated")).exists();
  }
}
