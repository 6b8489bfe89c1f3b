package dev.pyplugins.runtime.internal.process;

import dev.pyplugins.runtime.internal.manifest.ManifestLoader;
import dev.pyplugins.runtime.internal.manifest.ValidatedManifest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The fixture plugins under src/test/resources/fixtures, one behaviour each. */
final class Fixtures {
  private Fixtures() {}

  static ValidatedManifest manifest(String name) {
    try {
      return new ManifestLoader().load(Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits up to {@code timeout} for a marker file the fixture writes. */
  static Optional<String> awaitFile(Path file, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(file) && Files.size(file) > 0) {
        return Optional.of(Files.readString(file));
      }
      Thread.sleep(10);
    }
    return Optional.empty();
  }

  /** Waits up to {@code timeout} for process {@code pid} to be gone (dead: exited, a zombie at most). */
  static boolean awaitGone(long pid, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!isRunning(pid)) {
        return true;
      }
      Thread.sleep(5);
    }
    return false;
  }

  /**
   * Whether {@code pid} is a live process. A zombie is not: it has exited and holds nothing but its pid,
   * until its parent (for an orphan, init, which here reaps only now and then) collects it.
   */
  static boolean isRunning(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException e) {
      return false;
    }
  }
}
