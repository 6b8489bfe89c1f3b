package dev.pyplugins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.runtime.testing.ChildHost;
import dev.pyplugins.runtime.testing.PluginProcesses;
import dev.pyplugins.runtime.testing.SdkPlugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host JVM that exits normally ({@code System.exit}) with its plugins running: each plugin is deactivated
 * gracefully (OnDeactivate reaches it) and then gone, whether the host closes its environment in a shutdown
 * hook of its own (after stopping its web server) or not at all. The runtime's own hook used to SIGTERM every
 * plugin at once, racing the host's close: OnDeactivate failed with UNAVAILABLE on every stop.
 */
class HostExitTest {
  private static final List<String> IDS = List.of("com.example.one", "com.example.two");

  @TempDir Path plugins;

  @Test
  void aHostsOwnShutdownHookDeactivatesItsPluginsWithoutARacingSigterm() throws Exception {
    exitAndCheck("exit-with-hook");
  }

  @Test
  void aHostThatNeverClosesItsEnvironmentStillHasItsPluginsDeactivatedOnExit() throws Exception {
    exitAndCheck("exit");
  }

  private void exitAndCheck(String command) throws Exception {
    IDS.forEach(id -> SdkPlugins.plugin(plugins, id, Map.of()));
    Path socketBase = Files.createTempDirectory(Path.of("/tmp"), "pye");
    try (ChildHost host = new ChildHost(plugins, socketBase, List.of())) {
      Map<String, Long> pids = host.pluginPids();
      assertThat(pids).hasSize(2).allSatisfy((id, pid) -> assertThat(PluginProcesses.alive(pid)).isTrue());

      long exitAt = System.nanoTime();
      host.send(command);
      assertThat(host.process().waitFor(30, TimeUnit.SECONDS)).as("the host JVM exits").isTrue();
      long exitMs = (System.nanoTime() - exitAt) / 1_000_000;
      for (String id : IDS) {
        Path marker = plugins.resolve(id).resolve("deactivated");
        assertThat(marker).as("%s saw OnDeactivate", id).exists();
        assertThat(Files.readString(marker).strip()).isEqualTo(String.valueOf(pids.get(id)));
        assertThat(PluginProcesses.await(Duration.ofSeconds(3), () -> !PluginProcesses.alive(pids.get(id))))
            .as("plugin %s gone", id).isTrue();
      }
      String log = Files.readString(ChildHost.log());
      assertThat(log).doesNotContain("OnDeactivate failed").doesNotContain("OnDeactivate did not finish")
          .doesNotContain("UNAVAILABLE");
      System.out.printf("host JVM System.exit (%s) with 2 SDK plugins: both deactivated and gone, JVM exited"
          + " after %d ms%n", command, exitMs);
    } finally {
      Files.deleteIfExists(socketBase);
    }
  }
}
