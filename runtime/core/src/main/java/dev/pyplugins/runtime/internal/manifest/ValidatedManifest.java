package dev.pyplugins.runtime.internal.manifest;

import dev.pyplugins.runtime.PluginManifest;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A validated {@code plugin.json}: the host's read-only view plus what the runtime needs to start the
 * plugin's server part.
 *
 * @param id the plugin id ({@code ^[a-zA-Z0-9-_.]+$}, 3 to 190 characters)
 * @param name display name, or the id when absent
 * @param version the plugin's semantic version, or empty
 * @param directory the plugin's directory (absolute, normalized); the process's working directory
 * @param runtime how the server part is started
 * @param entryPoint the Python file or the executable, absolute, inside {@code directory}
 * @param pythonVersion the interpreter requirement ({@link PythonVersionRequirement#any()} if none)
 * @param json the manifest as read, for hosts that hand it to plugins ({@code GetManifest})
 */
public record ValidatedManifest(String id, String name, String version, Path directory, ServerRuntime runtime,
    Path entryPoint, PythonVersionRequirement pythonVersion, String json) implements PluginManifest {
  public ValidatedManifest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(entryPoint, "entryPoint");
    Objects.requireNonNull(pythonVersion, "pythonVersion");
  }
}
