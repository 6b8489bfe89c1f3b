package dev.pyplugins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.runtime.internal.endpoint.ApiEndpoint;
import dev.pyplugins.runtime.testing.ChildHost;
import dev.pyplugins.runtime.testing.PluginProcesses;
import dev.pyplugins.runtime.testing.SdkPlugins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole host (environment, SDK plugins, their API endpoints, the HTTP bridge) in a child JVM killed with
 * SIGKILL: no plugin process and no socket (the plugins' own or the host's API sockets) may be left.
 */
class HostKillTest {
  @TempDir Path plugins;

  @Test
  void sigkilledHostLeavesNoSdkPluginAndNoApiSocketBehind() throws Exception {
    SdkPlugins.plugin(plugins, "com.example.one", Map.of());
    SdkPlugins.plugin(plugins, "com.example.two", Map.of());
    Path socketBase = Files.createTempDirectory(Path.of("/tmp"), "pyh");
    try (ChildHost host = new ChildHost(plugins, socketBase, List.of())) {
      List<Long> pids = new ArrayList<>(host.pluginPids().values());
      assertThat(pids).hasSize(2).allSatisfy(pid -> assertThat(PluginProcesses.alive(pid)).isTrue());
      List<Path> before = leftovers(socketBase);
      assertThat(before).filteredOn(p -> p.getFileName().toString().equals(ApiEndpoint.SOCKET_NAME)).hasSize(2);
      assertThat(before).filteredOn(p -> p.getFileName().toString().startsWith("plugin")).hasSize(2);

      long killedAt = System.nanoTime();
      host.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      for (long pid : pids) {
        assertThat(PluginProcesses.await(Duration.ofSeconds(3), () -> !PluginProcesses.alive(pid)))
            .as("plugin pid %d gone within 3 s", pid).isTrue();
      }
      long goneMs = (System.nanoTime() - killedAt) / 1_000_000;
      assertThat(PluginProcesses.await(Duration.ofSeconds(3), () -> leftovers(socketBase).isEmpty())).isTrue();
      long cleanMs = (System.nanoTime() - killedAt) / 1_000_000;
      System.out.printf("host JVM kill -9 with 2 SDK plugins and their API endpoints: plugin processes gone after %d ms,"
          + " all %d sockets and directories removed after %d ms%n", goneMs, before.size(), cleanMs);
      assertThat(cleanMs).isLessThan(3000);
    } finally {
      Files.deleteIfExists(socketBase);
    }
  }

  private static List<Path> leftovers(Path base) {
    try (Stream<Path> all = Files.walk(base)) {
      return all.filter(p -> !p.equals(base)).toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      return List.of(base); // a directory vanished while walking: not settled yet
    }
  }
}
