package dev.pyplugins.runtime.internal.process;

import dev.pyplugins.runtime.RuntimeOptions;
import dev.pyplugins.runtime.internal.logging.PluginLogEntry;
import dev.pyplugins.runtime.internal.manifest.InterpreterLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes, one fixture plugin per behaviour: the launcher, options and cleanup tests share. */
abstract class LauncherTestBase {
  @TempDir protected Path out;
  protected Path socketBase;
  protected RuntimeOptions options;
  protected final ConcurrentLinkedQueue<PluginLogEntry> logs = new ConcurrentLinkedQueue<>();
  protected LaunchedPlugin launched;

  @BeforeEach
  void setUp() throws IOException {
    socketBase = Files.createTempDirectory(Path.of("/tmp"), "pyt");
    options = RuntimeOptions.builder().socketBaseDir(socketBase).handshakeTimeout(Duration.ofSeconds(10))
        .autoMtls(false) // the fixtures speak plaintext gRPC (or nothing) on their sockets
        .sigtermGrace(Duration.ofSeconds(2)).build();
  }

  @AfterEach
  void tearDown() throws IOException {
    if (launched != null) {
      launched.process().kill();
    }
    SocketDirectory.deleteTree(socketBase);
  }

  protected LaunchedPlugin launch(String fixture) {
    return launch(fixture, options, ProcessGroups.detect());
  }

  protected LaunchedPlugin launch(String fixture, RuntimeOptions opts, ProcessGroups groups) {
    PluginLauncher launcher = new PluginLauncher(opts, groups, InterpreterLocator.onSystemPath("python3"));
    launched = launcher.launch(Fixtures.manifest(fixture),
        dir -> SpawnInputs.environment(Map.of("FIXTURE_OUT", out.toString())), pid -> logs::add);
    return launched;
  }

  protected static long pidFrom(Path file) throws Exception {
    return Long.parseLong(Fixtures.awaitFile(file, Duration.ofSeconds(5)).orElseThrow().strip());
  }

  protected List<Path> socketDirs() throws IOException {
    try (var s = Files.list(socketBase)) {
      return s.toList();
    }
  }
}
