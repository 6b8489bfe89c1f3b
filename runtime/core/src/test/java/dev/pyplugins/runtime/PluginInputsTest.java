package dev.pyplugins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.protocol.v1.Hooks;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.runtime.testing.PluginProcesses;
import dev.pyplugins.runtime.testing.SdkPlugins;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What plugins feed the host: broken manifests by the dozen, and floods of output while serving. */
class PluginInputsTest {
  @TempDir Path plugins;

  @Test
  void everyBadManifestEndsFailedWithTheFieldNamedWhileTheGoodPluginStarts() throws Exception {
    Path source = Path.of(Objects.requireNonNull(getClass().getResource("/manifests")).toURI());
    int bad = 0;
    try (Stream<Path> dirs = Files.list(source)) {
      for (Path dir : dirs.filter(d -> !d.getFileName().toString().startsWith("valid-")).sorted().toList()) {
        copyTree(dir, plugins.resolve("bad-" + dir.getFileName()));
        bad++;
      }
    }
    SdkPlugins.plugin(plugins, "com.example.good", Map.of());
    try (PluginEnvironment environment = PluginEnvironment.builder().pluginsDirectory(plugins).build()) {
      long start = System.nanoTime();
      List<PluginStatus> statuses = environment.loadAll();
      long ms = (System.nanoTime() - start) / 1_000_000;

      List<PluginStatus> failed = statuses.stream().filter(s -> s.state() == PluginState.FAILED).toList();
      System.out.printf("bad manifests: %d directories refused with a reason naming the field, 1 good plugin running,"
          + " in %d ms; e.g. %s%n", failed.size(), ms, failed.get(0).lastFailure().orElseThrow().message()
          .replace('\n', ' '));
      assertThat(bad).isGreaterThanOrEqualTo(10);
      assertThat(failed).hasSize(bad).allSatisfy(s -> {
        assertThat(s.pid()).isEmpty();
        assertThat(s.restarts()).isZero();
        assertThat(s.lastFailure()).hasValueSatisfying(f -> {
          assertThat(f.kind()).isEqualTo(FailureKind.MANIFEST_INVALID);
          assertThat(f.message()).containsPattern("\\n  - [a-z_.\\[\\]\"A-Z0-9-]+(: |\\b)");
        });
      });
      assertThat(environment.status("com.example.good").orElseThrow().state()).isEqualTo(PluginState.RUNNING);
    }
  }

  @Test
  void megabytesOfStdoutAndStderrWhileServingNeverBlockThePluginOrItsHooks() {
    Path dir = SdkPlugins.plugin(plugins, "com.example.noisy", Map.of("noise_mib", 16, "noise_stdout", true));
    try (PluginEnvironment environment = PluginEnvironment.builder().pluginsDirectory(plugins).build()) {
      environment.loadAll();
      Hooks hooks = environment.hooks("com.example.noisy").orElseThrow();
      long start = System.nanoTime();
      int calls = 0;
      long worstNanos = 0;
      while (!Files.exists(dir.resolve("noise-done")) && System.nanoTime() - start < Duration.ofSeconds(90).toNanos()) {
        long t = System.nanoTime();
        String answer = hooks.messageWillBePosted(null, Post.newBuilder().setMessage("m" + calls).build()).getPost()
            .getMessage();
        worstNanos = Math.max(worstNanos, System.nanoTime() - t);
        assertThat(answer).isEqualTo("m" + calls + " [com.example.noisy]");
        calls++;
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("output flood: 16 MiB to stderr (through GRPCStdio) and 16 MiB to stdout, 1 KiB lines,"
          + " written in %d ms while %d hook calls were answered (slowest %d ms)%n", ms, calls, worstNanos / 1_000_000);
      assertThat(dir.resolve("noise-done")).exists();
      assertThat(calls).isPositive();
      assertThat(environment.status("com.example.noisy").orElseThrow().state()).isEqualTo(PluginState.RUNNING);
      assertThat(PluginProcesses.alive(environment.status("com.example.noisy").orElseThrow().pid().getAsLong()))
          .isTrue();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      all.forEach(p -> {
        try {
          Files.copy(p, to.resolve(from.relativize(p).toString()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
