package dev.pyplugins.runtime.internal.manifest;

import dev.pyplugins.runtime.FailureKind;
import dev.pyplugins.runtime.PluginException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the Python interpreter for a plugin, venv-first: {@code venv/bin/python3}, {@code venv/bin/python},
 * {@code .venv/bin/python3}, {@code .venv/bin/python} inside the plugin directory, then the configured
 * command (default {@code python3}) on the PATH. The first one that exists is asked for its version, which
 * must satisfy {@code server.python.version}; a plugin that ships a venv never silently runs on another
 * interpreter. Thread-safe.
 */
public final class InterpreterLocator {
  private static final List<String> VENV_CANDIDATES =
      List.of("venv/bin/python3", "venv/bin/python", ".venv/bin/python3", ".venv/bin/python");
  private static final long VERSION_PROBE_SECONDS = 10;

  private final String pathCommand;
  private final String searchPath;

  /**
   * @param pathCommand the interpreter looked up on the PATH when the plugin has no venv ({@code python3}),
   *     or an absolute path
   * @param searchPath the PATH to search, as in the environment ({@code :}-separated)
   */
  public InterpreterLocator(String pathCommand, String searchPath) {
    this.pathCommand = pathCommand;
    this.searchPath = searchPath == null ? "" : searchPath;
  }

  /** A locator searching this process's PATH. */
  public static InterpreterLocator onSystemPath(String pathCommand) {
    return new InterpreterLocator(pathCommand, System.getenv("PATH"));
  }

  /**
   * Chooses and checks the interpreter for {@code manifest}.
   *
   * @throws PluginException of kind {@link FailureKind#INTERPRETER_NOT_FOUND} or
   *     {@link FailureKind#INTERPRETER_UNSUITABLE}
   */
  public Interpreter locate(ValidatedManifest manifest) {
    Path candidate = candidate(manifest.directory()).orElseThrow(() -> new PluginException(
        FailureKind.INTERPRETER_NOT_FOUND, manifest.id(), "no Python interpreter: looked for "
            + String.join(", ", VENV_CANDIDATES) + " in " + manifest.directory() + " and '" + pathCommand
            + "' on the PATH"));
    Probe probe = probe(manifest.id(), candidate);
    if (!manifest.pythonVersion().isSatisfiedBy(probe.version())) {
      throw new PluginException(FailureKind.INTERPRETER_UNSUITABLE, manifest.id(), "server.python.version '"
          + manifest.pythonVersion() + "' is not met by " + candidate + " (Python " + probe.version() + ")");
    }
    if (!probe.hasSdk() && SdkImports.usesSdk(manifest.entryPoint())) {
      throw new PluginException(FailureKind.INTERPRETER_UNSUITABLE, manifest.id(), candidate
          + " cannot import the SDK (mattermost_plugin), which " + manifest.directory().relativize(manifest.entryPoint())
          + " imports; give the plugin a venv with the SDK wheel: python3 -m venv " + manifest.directory()
          + "/venv && " + manifest.directory() + "/venv/bin/pip install mattermost_plugin-<version>-py3-none-any.whl");
    }
    return new Interpreter(candidate, probe.version());
  }

  /** What the interpreter said of itself: its version, and whether it can import the SDK. */
  private record Probe(PythonVersion version, boolean hasSdk) {}

  /** The interpreter that would be chosen for a plugin in {@code pluginDirectory}, unchecked. */
  public Optional<Path> candidate(Path pluginDirectory) {
    for (String relative : VENV_CANDIDATES) {
      Path p = pluginDirectory.resolve(relative);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        // Not toRealPath: a venv's python is a symlink, and the venv only works through it.
        return Optional.of(p);
      }
    }
    return onPath();
  }

  private Optional<Path> onPath() {
    if (pathCommand.contains(File.separator)) {
      Path p = Path.of(pathCommand);
      return Files.isExecutable(p) ? Optional.of(p.toAbsolutePath()) : Optional.empty();
    }
    for (String dir : searchPath.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, pathCommand);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p.toAbsolutePath());
      }
    }
    return Optional.empty();
  }

  private static Probe probe(String pluginId, Path python) {
    List<String> command = new ArrayList<>(List.of(python.toString(), "-c",
        "import importlib.util, sys; print('%d.%d.%d' % sys.version_info[:3],"
            + " importlib.util.find_spec('mattermost_plugin') is not None)"));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
      }
      if (!p.waitFor(VERSION_PROBE_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw notFound(pluginId, python, "did not answer within " + VERSION_PROBE_SECONDS + " s");
      }
      if (p.exitValue() != 0) {
        throw notFound(pluginId, python, "exited with status " + p.exitValue() + ": " + out);
      }
      String[] words = out.split("\\s+");
      return new Probe(PythonVersion.parse(words[0]), words.length > 1 && words[1].equals("True"));
    } catch (IOException e) {
      throw notFound(pluginId, python, "cannot be run: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw notFound(pluginId, python, "reported no version: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw notFound(pluginId, python, "interrupted while asking for its version");
    }
  }

  private static PluginException notFound(String pluginId, Path python, String what) {
    return new PluginException(FailureKind.INTERPRETER_NOT_FOUND, pluginId, "Python interpreter " + python + " "
        + what);
  }
}
