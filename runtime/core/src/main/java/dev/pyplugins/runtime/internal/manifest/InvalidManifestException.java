package dev.pyplugins.runtime.internal.manifest;

import dev.pyplugins.runtime.FailureKind;
import dev.pyplugins.runtime.PluginException;
import java.nio.file.Path;
import java.util.List;

/** {@code plugin.json} is missing or invalid. Lists every problem found, each naming its field. */
public final class InvalidManifestException extends PluginException {
  private static final long serialVersionUID = 1L;

  private final transient Path manifestFile;
  private final List<ManifestProblem> problems;

  public InvalidManifestException(String pluginId, Path manifestFile, List<ManifestProblem> problems) {
    super(FailureKind.MANIFEST_INVALID, pluginId, describe(manifestFile, problems));
    this.manifestFile = manifestFile;
    this.problems = List.copyOf(problems);
  }

  public Path manifestFile() {
    return manifestFile;
  }

  public List<ManifestProblem> problems() {
    return problems;
  }

  private static String describe(Path file, List<ManifestProblem> problems) {
    StringBuilder sb = new StringBuilder(file.toString()).append(" is invalid");
    problems.forEach(p -> sb.append("\n  - ").append(p));
    return sb.toString();
  }
}
