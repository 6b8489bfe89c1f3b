package dev.pyplugins.runtime.internal.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The launcher shim that keeps a plugin's whole tree under the host's control (the JVM cannot call
 * {@code prctl} itself): {@code subreaper.py}, run by the system's {@code python3}, becomes a child subreaper,
 * starts the plugin as its only child in a session of its own, adopts every orphan of the tree (a setsid()
 * double-forked daemon too) and, once the plugin has exited, SIGKILLs what is left and exits with the
 * plugin's status. Its first stdout line names the plugin's pid. Linux only. Thread-safe.
 */
public final class Subreaper {
  static final String PID_LINE_PREFIX = "pyplugins-subreaper ";
  private static final List<String> DIRS = List.of("/usr/bin", "/bin", "/usr/local/bin");
  private static final String SCRIPT = load();

  private final Optional<Path> python;

  private Subreaper(Optional<Path> python) {
    this.python = python;
  }

  /** Uses the system's {@code python3} on Linux, where {@code PR_SET_CHILD_SUBREAPER} exists. */
  public static Subreaper detect() {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return unavailable();
    }
    return new Subreaper(DIRS.stream().map(d -> Path.of(d, "python3")).filter(Files::isExecutable).findFirst());
  }

  /** No shim: the plugin is the host's direct child and a setsid() daemon can escape it. */
  public static Subreaper unavailable() {
    return new Subreaper(Optional.empty());
  }

  public boolean available() {
    return python.isPresent();
  }

  /** The command prefix that runs a command under the shim; empty when unavailable. */
  List<String> launcherPrefix() {
    // -I: the plugin's PYTHON* variables and user site must not change the shim.
    return python.map(p -> List.of(p.toString(), "-I", "-c", SCRIPT)).orElse(List.of());
  }

  /**
   * Reads the shim's first stdout line, byte by byte so nothing after it is consumed.
   *
   * @return the plugin's pid
   * @throws IOException when the line is missing or malformed (the shim could not start)
   */
  static long readPluginPid(InputStream stdout) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = stdout.read()) >= 0 && b != '\n' && line.size() < 64) {
      line.write(b);
    }
    String text = line.toString(StandardCharsets.UTF_8);
    if (b != '\n' || !text.startsWith(PID_LINE_PREFIX)) {
      throw new IOException("the subreaper shim did not report the plugin's pid (read '" + text + "')");
    }
    try {
      return Long.parseLong(text.substring(PID_LINE_PREFIX.length()));
    } catch (NumberFormatException e) {
      throw new IOException("the subreaper shim reported a bad pid: '" + text + "'", e);
    }
  }

  /**
   * Waits up to {@code timeout} for the shim to name the plugin's pid; on failure kills the shim.
   *
   * @throws IOException naming what the shim printed to stderr
   */
  static long awaitPluginPid(Process shim, Duration timeout) throws IOException {
    CompletableFuture<Long> pid = CompletableFuture.supplyAsync(() -> {
      try {
        return readPluginPid(shim.getInputStream());
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    }, r -> {
      Thread t = new Thread(r, "pyplugins-subreaper-pid");
      t.setDaemon(true);
      t.start();
    });
    try {
      return pid.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | InterruptedException | ExecutionException e) {
      shim.destroyForcibly();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      String stderr;
      try {
        shim.waitFor(2, TimeUnit.SECONDS);
        stderr = new String(shim.getErrorStream().readNBytes(4096), StandardCharsets.UTF_8).strip();
      } catch (IOException | InterruptedException io) {
        stderr = "";
      }
      throw new IOException((e.getCause() != null ? e.getCause().getMessage() : "the subreaper shim did not"
          + " start within " + timeout.toMillis() + " ms") + (stderr.isEmpty() ? "" : ": " + stderr), e);
    }
  }

  private static String load() {
    try (InputStream in = Subreaper.class.getResourceAsStream("subreaper.py")) {
      if (in == null) {
        throw new IllegalStateException("subreaper.py is missing from the runtime jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
