package dev.pyplugins.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.pyplugins.runtime.testing.SdkPlugins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Plugin directories made to hurt the host or to steal a plugin's identity: hostile plugin.json files next to
 * a good plugin (which must still start, each bad directory with its own error, no secret in any log), and
 * directories that claim, or are merely named like, another plugin's id.
 */
class PluginDirectoryAttacksTest {
  private static final String MARKER = "SECRETMARKER8b2d71";
  private static final String REAL = "com.example.real";

  @TempDir Path root;
  private Path plugins;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger rootLogger = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void captureLogs() throws IOException {
    plugins = Files.createDirectory(root.resolve("plugins"));
    logs.start();
    rootLogger.addAppender(logs);
  }

  @AfterEach
  void release() {
    rootLogger.detachAppender(logs);
  }

  @Test
  void hostileManifestsAreEachRefusedWhileTheGoodPluginStartsAndNoSecretIsLogged() throws Exception {
    Path fifo = Files.createDirectory(plugins.resolve("a-fifo"));
    assertThat(new ProcessBuilder("mkfifo", fifo.resolve("plugin.json").toString()).start().waitFor()).isZero();
    Files.createSymbolicLink(Files.createDirectory(plugins.resolve("b-devzero")).resolve("plugin.json"),
        Path.of("/dev/zero"));
    Path secret = Files.writeString(root.resolve("secret.txt"), "root:" + MARKER + ":0:0\n");
    Files.createSymbolicLink(Files.createDirectory(plugins.resolve("c-outside")).resolve("plugin.json"), secret);
    Files.writeString(Files.createDirectory(plugins.resolve("d-garbage")).resolve("plugin.json"),
        "{\"id\": " + MARKER + "}");
    Files.write(Files.createDirectory(plugins.resolve("e-big")).resolve("plugin.json"), new byte[2 << 20]);
    SdkPlugins.plugin(plugins, "z-good", Map.of());
    rewriteId(plugins.resolve("z-good"), "com.example.good");

    try (PluginEnvironment environment = PluginEnvironment.builder().pluginsDirectory(plugins).build()) {
      long start = System.nanoTime();
      List<PluginStatus> statuses = assertTimeoutPreemptively(Duration.ofSeconds(120), environment::loadAll,
          "loadAll must not block on a hostile plugin.json");
      System.out.printf("hostile manifests: 5 refused and the good plugin running after %d ms%n",
          (System.nanoTime() - start) / 1_000_000);

      assertThat(statuses).extracting(PluginStatus::pluginId)
          .containsExactly("a-fifo/", "b-devzero/", "c-outside/", "com.example.good", "d-garbage/", "e-big/");
      assertThat(environment.status("com.example.good").orElseThrow().state()).isEqualTo(PluginState.RUNNING);
      Map<String, String> expected = Map.of("a-fifo/", "is not a regular file", "b-devzero/", "is a symbolic link",
          "c-outside/", "is a symbolic link", "d-garbage/", "not valid JSON at line 1", "e-big/",
          "is larger than the limit of 1048576 bytes");
      expected.forEach((key, message) -> assertThat(environment.status(key).orElseThrow()).satisfies(s -> {
        assertThat(s.state()).isEqualTo(PluginState.FAILED);
        assertThat(s.lastFailure().orElseThrow().kind()).isEqualTo(FailureKind.MANIFEST_INVALID);
        assertThat(s.lastFailure().orElseThrow().message()).contains("plugin.json: " + message);
      }));
      assertThat(statuses).allSatisfy(s -> assertThat(s.lastFailure().map(PluginFailure::message).orElse(""))
          .doesNotContain(MARKER));
      assertThat(logs.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage()
          + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
          .doesNotContain(MARKER));
    }
  }

  @Test
  void brokenDirectoriesClaimingTheIdOrNamedLikeItCannotMakeTheRealPluginFail() throws Exception {
    // Both sort before the real plugin's directory.
    Files.writeString(Files.createDirectory(plugins.resolve("a-broken")).resolve("plugin.json"),
        "{\"id\": \"" + REAL + "\", \"server\": {\"runtime\": \"ruby\"}}");
    Files.writeString(Files.createDirectory(plugins.resolve(REAL)).resolve("plugin.json"), "{\"server\": 1}");
    SdkPlugins.plugin(plugins, "z-real", Map.of());
    rewriteId(plugins.resolve("z-real"), REAL);

    try (PluginEnvironment environment = PluginEnvironment.builder().pluginsDirectory(plugins).build()) {
      List<PluginStatus> statuses = environment.loadAll();

      assertThat(statuses).extracting(PluginStatus::pluginId).containsExactly("a-broken/", REAL, REAL + "/");
      PluginStatus real = environment.status(REAL).orElseThrow();
      assertThat(real.state()).isEqualTo(PluginState.RUNNING);
      assertThat(environment.manifest(REAL).orElseThrow().directory()).isEqualTo(plugins.resolve("z-real"));
      assertThat(environment.status("a-broken/").orElseThrow().lastFailure().orElseThrow().message())
          .contains("server.runtime");
      assertThat(environment.status(REAL + "/").orElseThrow().state()).isEqualTo(PluginState.FAILED);

      // Activating by hand goes to the real plugin too.
      assertThat(environment.restart(REAL).state()).isEqualTo(PluginState.RUNNING);
      assertThat(environment.manifest(REAL).orElseThrow().directory()).isEqualTo(plugins.resolve("z-real"));

      // A broken directory, once fixed, starts under the id its manifest now has.
      SdkPlugins.plugin(plugins, "a-broken", Map.of());
      assertThat(environment.activate("a-broken/")).satisfies(s -> {
        assertThat(s.pluginId()).isEqualTo("a-broken");
        assertThat(s.state()).isEqualTo(PluginState.RUNNING);
      });
      assertThat(environment.status("a-broken/")).isEmpty();
    }
  }

  @Test
  void aValidImpostorSortingFirstGetsNothingAndBothClaimantsAreRefusedByName() throws Exception {
    SdkPlugins.plugin(plugins, "a-impostor", Map.of());
    rewriteId(plugins.resolve("a-impostor"), REAL);
    SdkPlugins.plugin(plugins, "z-real", Map.of());
    rewriteId(plugins.resolve("z-real"), REAL);

    try (PluginEnvironment environment = PluginEnvironment.builder().pluginsDirectory(plugins).build()) {
      List<PluginStatus> statuses = environment.loadAll();

      assertThat(statuses).singleElement().satisfies(s -> {
        assertThat(s.pluginId()).isEqualTo(REAL);
        assertThat(s.state()).isEqualTo(PluginState.FAILED);
        assertThat(s.pid()).isEmpty();
        assertThat(s.lastFailure().orElseThrow().kind()).isEqualTo(FailureKind.MANIFEST_INVALID);
        assertThat(s.lastFailure().orElseThrow().message()).contains("claimed by 2 plugin directories")
            .contains(plugins.resolve("a-impostor").toString()).contains(plugins.resolve("z-real").toString());
      });
      assertThat(environment.manifest(REAL)).isEmpty();
      assertThat(environment.activate(REAL).state()).isEqualTo(PluginState.FAILED);
      assertThat(plugins.resolve("a-impostor/activated")).doesNotExist();
      assertThat(plugins.resolve("z-real/activated")).doesNotExist();

      // Once the impostor is gone, the real plugin starts from its own directory.
      deleteTree(plugins.resolve("a-impostor"));
      assertThat(environment.activate(REAL).state()).isEqualTo(PluginState.RUNNING);
      assertThat(environment.manifest(REAL).orElseThrow().directory()).isEqualTo(plugins.resolve("z-real"));
    }
  }

  @Test
  void aDirectoryNamedLikeAnIdIsNotThatPluginWhenActivatedByHand() throws Exception {
    Files.writeString(Files.createDirectory(plugins.resolve(REAL)).resolve("plugin.json"), "{\"server\": 1}");

    try (PluginEnvironment environment = PluginEnvironment.builder().pluginsDirectory(plugins).build()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> environment.activate(REAL))
          .isInstanceOf(NoSuchElementException.class);
      assertThat(environment.status(REAL)).isEmpty();
    }
  }

  private static void rewriteId(Path dir, String id) throws IOException {
    Path manifest = dir.resolve("plugin.json");
    String json = Files.readString(manifest);
    Files.writeString(manifest, json.replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"" + id + "\""));
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
