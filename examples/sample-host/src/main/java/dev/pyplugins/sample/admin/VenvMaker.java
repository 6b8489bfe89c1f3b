package dev.pyplugins.sample.admin;

import dev.pyplugins.protocol.v1.AppError;
import dev.pyplugins.protocol.v1.AppErrorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes an installed plugin's venv with {@code examples/plugins/make_venv.py} and the SDK wheel, as the
 * build does for the example plugins: the plugin then runs on its own interpreter with the SDK and its
 * {@code requirements.txt}.
 *
 * @param python the interpreter that runs the script
 * @param script {@code make_venv.py}
 * @param wheelDir the directory holding the SDK wheel
 */
public record VenvMaker(String python, Path script, Path wheelDir) {
  private static final long TIMEOUT_MINUTES = 10;

  /** @throws AppErrorException 500 with the tail of the script's output when it fails */
  public void make(Path pluginDir) throws IOException {
    Path log = Files.createTempFile("venv-", ".log");
    try {
      Process process = new ProcessBuilder(List.of(python, script.toString(), "--wheel-dir", wheelDir.toString(),
          pluginDir.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      boolean done = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
      if (!done) {
        process.destroyForcibly();
      }
      if (!done || process.exitValue() != 0) {
        List<String> lines = Files.readAllLines(log);
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        throw new AppErrorException(AppError.newBuilder().setStatusCode(500).setId("app.plugin.venv.app_error")
            .setMessage(done ? "Making the plugin's venv failed (make_venv.py exited " + process.exitValue() + ")."
                : "Making the plugin's venv took over " + TIMEOUT_MINUTES + " minutes.")
            .setDetailedError(tail).build());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while making the venv", e);
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
