package dev.pyplugins.runtime.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host JVM dies by SIGKILL: no shutdown hook runs, yet no plugin and no socket may be left. */
class HostCrashTest {
  @TempDir Path out;
  private Path socketBase;
  private Process host;

  @AfterEach
  void cleanUp() {
    if (host != null) {
      host.destroyForcibly();
    }
    if (socketBase != null) {
      SocketDirectory.deleteTree(socketBase);
    }
  }

  @Test
  void sigkilledHostLeavesNoPluginProcessAndNoSocketBehind() throws Exception {
    socketBase = Files.createTempDirectory(Path.of("/tmp"), "pyk");
    String java = ProcessHandle.current().info().command().orElse("java");
    // healthy honours the stdin lifeline; ignores-sigterm ignores it and SIGTERM, like a Go plugin would;
    // setsid-grandchild leaves a daemon outside its process group.
    host = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HostCrashMain.class.getName(),
        out.toString(), socketBase.toString(), "healthy", "ignores-sigterm", "forks-child",
        "setsid-grandchild")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    List<Long> pids = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null && !line.equals("ready")) {
        pids.add(Long.parseLong(line.split(" ")[0]));
      }
    }
    long child = Long.parseLong(Files.readString(out.resolve("child")).strip());
    pids.add(child);
    long daemon = Long.parseLong(Files.readString(out.resolve("daemon")).strip());
    pids.add(daemon);
    assertThat(pids).hasSize(6).allSatisfy(pid -> assertThat(Fixtures.isRunning(pid)).isTrue());
    assertThat(leftovers()).filteredOn(p -> p.endsWith("plugin.sock")).hasSize(4);

    long killedAt = System.nanoTime();
    host.destroyForcibly().waitFor(5, TimeUnit.SECONDS);

    List<String> timings = new ArrayList<>();
    for (long pid : pids) {
      assertThat(Fixtures.awaitGone(pid, Duration.ofSeconds(3))).as("pid %d gone within 3 s", pid).isTrue();
      timings.add(pid + ":" + (System.nanoTime() - killedAt) / 1_000_000 + "ms");
    }
    System.out.println("host kill -9: each plugin process dead after " + timings);
    long allGoneMs = (System.nanoTime() - killedAt) / 1_000_000;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (!leftovers().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    long cleanMs = (System.nanoTime() - killedAt) / 1_000_000;
    assertThat(leftovers()).isEmpty();
    assertThat(out.resolve("lifeline")).exists();
    assertThat(cleanMs).isLessThan(3000);
    System.out.printf("host kill -9: %d plugin processes gone after %d ms, sockets and directories removed after %d"
        + " ms%n", pids.size(), allGoneMs, cleanMs);
  }

  /** Everything under the socket base: socket directories and the sockets in them. */
  private List<Path> leftovers() throws IOException {
    try (Stream<Path> all = Files.walk(socketBase)) {
      return all.filter(p -> !p.equals(socketBase)).toList();
    } catch (java.io.UncheckedIOException e) {
      return List.of(socketBase); // a directory vanished while walking: the cleanup is still under way
    }
  }
}
