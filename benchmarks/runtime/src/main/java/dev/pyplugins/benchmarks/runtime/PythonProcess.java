package dev.pyplugins.benchmarks.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A floor's Python process: started with a script and its arguments, ready once it prints {@code ready},
 * stopped by closing its stdin. Its stderr is drained on a thread and the last lines kept for errors.
 */
final class PythonProcess implements AutoCloseable {
  private final Process process;
  private final Deque<String> stderrTail = new ArrayDeque<>();

  private PythonProcess(Process process) {
    this.process = process;
    Thread drain = new Thread(() -> drain(process.getErrorStream()), "floor-stderr");
    drain.setDaemon(true);
    drain.start();
  }

  /** Starts {@code python script args...} and returns it once it printed its ready line. */
  static PythonProcess start(Path python, Path script, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
    command.addAll(List.of(args));
    PythonProcess p = new PythonProcess(new ProcessBuilder(command).start());
    p.awaitReady();
    return p;
  }

  /** Starts the process without waiting, for callers that time the start themselves. */
  static PythonProcess spawn(List<String> command) throws IOException {
    return new PythonProcess(new ProcessBuilder(command).start());
  }

  /** Blocks until the process prints {@code ready}; throws with its stderr when it exits first. */
  void awaitReady() throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (!"ready".equals(line)) {
      throw new IOException("floor process " + process.info().commandLine().orElse("?") + " did not start (first"
          + " line " + line + "): " + stderr());
    }
  }

  long pid() {
    return process.pid();
  }

  synchronized String stderr() {
    return String.join("\n", stderrTail);
  }

  private void drain(InputStream in) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        synchronized (this) {
          stderrTail.addLast(line);
          if (stderrTail.size() > 40) {
            stderrTail.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      // the process is gone
    }
  }

  @Override
  public void close() throws IOException {
    process.getOutputStream().close();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
