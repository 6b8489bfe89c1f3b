package dev.pyplugins.runtime.internal.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to start: the command, its working directory, and its complete environment (see
 * {@link ChildEnvironment}: nothing of the host's is added to it). Immutable.
 */
public record LaunchSpec(String pluginId, List<String> command, Path workingDirectory, Map<String, String> environment) {
  public LaunchSpec {
    Objects.requireNonNull(pluginId, "pluginId");
    command = List.copyOf(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("command must not be empty");
    }
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    environment = Map.copyOf(environment);
  }
}
