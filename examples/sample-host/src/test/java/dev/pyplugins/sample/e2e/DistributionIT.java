package dev.pyplugins.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as its user gets it: the archive unpacked somewhere else, {@code bin/sample-host} started
 * with nothing but java and python3 on the PATH, the tour run against it.
 */
class DistributionIT {
  private static final Path TARGET = Path.of(System.getProperty("sample.target", "target"));

  @TempDir Path unpacked;

  @Test
  void theArchiveUnpacksAndItsStartScriptRunsTheHostAndItsPluginsThroughTheTour() throws Exception {
    Path archive;
    try (Stream<Path> files = Files.list(TARGET)) {
      archive = files.filter(f -> f.getFileName().toString().endsWith("-dist.tar.gz")).findFirst()
          .orElseThrow(() -> new AssertionError("no *-dist.tar.gz in " + TARGET.toAbsolutePath()));
    }
    run(List.of("tar", "-xzf", archive.toAbsolutePath().toString(), "-C", unpacked.toString()), unpacked);
    Path home;
    try (Stream<Path> dirs = Files.list(unpacked)) {
      home = dirs.findFirst().orElseThrow();
    }
    assertThat(Files.getPosixFilePermissions(home.resolve("bin/sample-host")))
        .contains(PosixFilePermission.OWNER_EXECUTE);
    assertThat(home.resolve("sdk/make_venv.py")).isRegularFile();
    assertThat(home.resolve("plugins/hello/plugin.json")).isRegularFile();
    try (Stream<Path> libs = Files.list(home.resolve("lib"))) {
      assertThat(libs.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("pyplugins-sample-host-"))
          .anyMatch(n -> n.startsWith("pyplugins-runtime-")).anyMatch(n -> n.startsWith("pyplugins-generated-"));
    }

    long start = System.nanoTime();
    String output = run(List.of(home.resolve("bin/sample-host").toString(), "--port", Integer.toString(freePort()),
        "--exit-after-tour"), home);
    System.out.printf("distribution: unpacked, venvs made and the tour passed in %d ms%n",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));

    assertThat(output).contains("stored: I think the plugins work").contains("Hello, ")
        .contains("the agent plugin com.example.agent is not in the plugins directory");
    assertThat(home.resolve("plugins/hello/venv/bin/python")).exists();
  }

  /** Runs a command to its end (at most 10 minutes) and returns its output; fails on a non-zero status. */
  private static String run(List<String> command, Path dir) throws IOException, InterruptedException {
    Path log = Files.createTempFile("distribution", ".log");
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    boolean done = process.waitFor(10, TimeUnit.MINUTES);
    if (!done) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(done && process.exitValue() == 0).as("%s exited %s:%n%s", command,
        done ? process.exitValue() : "late", output).isTrue();
    return output;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
