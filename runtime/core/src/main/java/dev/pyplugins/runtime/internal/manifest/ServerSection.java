package dev.pyplugins.runtime.internal.manifest;

import static dev.pyplugins.runtime.internal.manifest.Problems.kind;
import static dev.pyplugins.runtime.internal.manifest.Problems.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a manifest's {@code server} object and finds what to start: a Python entry point or a native
 * executable, each a regular file inside the plugin directory. Problems go to the given {@link Problems}.
 */
final class ServerSection {
  /** What the {@code server} object asks the runtime to start. */
  record Spec(ServerRuntime runtime, Path entryPoint, PythonVersionRequirement pythonVersion) {}

  private final Path dir;
  private final String platform;
  private final Problems problems;

  ServerSection(Path dir, String platform, Problems problems) {
    this.dir = dir;
    this.platform = platform;
    this.problems = problems;
  }

  /** The start spec, or null when a problem was recorded. */
  Spec check(JsonNode server) {
    String runtimeName = problems.optionalString(server, "runtime", "server.runtime");
    String executable = problems.optionalString(server, "executable", "server.executable");
    String platformExecutable = platformExecutable(server);
    JsonNode python = server.get("python");
    if (python != null && !python.isNull() && !python.isObject()) {
      problems.add("server.python", "must be an object, was " + kind(python));
      python = null;
    }
    boolean hasPython = python != null && !python.isNull();
    ServerRuntime runtime;
    if (runtimeName == null) {
      boolean pyExecutable = executable != null && executable.endsWith(".py");
      runtime = hasPython || pyExecutable ? ServerRuntime.PYTHON : ServerRuntime.NATIVE;
    } else if (runtimeName.equals("python")) {
      runtime = ServerRuntime.PYTHON;
    } else {
      problems.add("server.runtime", "unknown runtime " + quote(runtimeName)
          + "; use \"python\", or leave it out to start server.executable directly");
      return null;
    }
    if (runtime == ServerRuntime.PYTHON) {
      return checkPython(hasPython ? python : null, executable);
    }
    String chosen = platformExecutable != null ? platformExecutable : executable;
    String field = platformExecutable != null ? "server.executables." + platform : "server.executable";
    if (chosen == null) {
      problems.add("server.executable", "missing; name the plugin's executable, or set server.runtime to"
          + " \"python\" and server.python.entry_point");
      return null;
    }
    Path exe = checkRelativeFile(field, chosen);
    if (exe != null && !Files.isExecutable(exe)) {
      problems.add(field, quote(chosen) + " is not executable (chmod +x it)");
    }
    return exe == null ? null : new Spec(ServerRuntime.NATIVE, exe, PythonVersionRequirement.any());
  }

  private Spec checkPython(JsonNode python, String executable) {
    String entry = python == null ? null
        : problems.optionalString(python, "entry_point", "server.python.entry_point");
    String field = "server.python.entry_point";
    if (entry == null && python != null && python.has("entry_point") && !python.get("entry_point").isNull()) {
      return null; // wrong type, already reported
    }
    if (entry == null && executable != null) {
      entry = executable;
      field = "server.executable";
    }
    PythonVersionRequirement requirement = PythonVersionRequirement.any();
    String spec = python == null ? null : problems.optionalString(python, "version", "server.python.version");
    if (spec != null) {
      try {
        requirement = PythonVersionRequirement.parse(spec);
      } catch (IllegalArgumentException e) {
        problems.add("server.python.version", quote(spec) + " is not a version requirement: " + e.getMessage());
      }
    }
    if (entry == null) {
      problems.add("server.python.entry_point", "missing; name the plugin's Python file, e.g. \"plugin.py\"");
      return null;
    }
    if (!entry.endsWith(".py")) {
      problems.add(field, quote(entry) + " must be a Python file ending in .py");
      return null;
    }
    Path path = checkRelativeFile(field, entry);
    return path == null ? null : new Spec(ServerRuntime.PYTHON, path, requirement);
  }

  private String platformExecutable(JsonNode server) {
    JsonNode map = server.get("executables");
    if (map == null || map.isNull()) {
      return null;
    }
    if (!map.isObject()) {
      problems.add("server.executables", "must be an object mapping platforms (e.g. \"linux-amd64\") to paths,"
          + " was " + kind(map));
      return null;
    }
    map.properties().forEach(e -> {
      if (!e.getValue().isTextual()) {
        problems.add("server.executables." + e.getKey(), "must be a string, was " + kind(e.getValue()));
      }
    });
    JsonNode mine = map.get(platform);
    return mine != null && mine.isTextual() ? mine.textValue() : null;
  }

  /** Resolves a manifest path that must name an existing regular file inside the plugin directory. */
  private Path checkRelativeFile(String field, String value) {
    if (value.isBlank()) {
      problems.add(field, "must not be empty");
      return null;
    }
    Path relative;
    try {
      relative = Path.of(value);
    } catch (IllegalArgumentException e) { // InvalidPathException: a NUL character
      problems.add(field, quote(value.replace('\0', '?')) + " is not a valid path");
      return null;
    }
    if (relative.isAbsolute() || value.startsWith("/") || value.startsWith("\\")) {
      problems.add(field, quote(value) + " must be relative to the plugin directory, not absolute");
      return null;
    }
    for (Path part : relative) {
      if (part.toString().equals("..")) {
        problems.add(field, quote(value) + " must not contain '..'; it must stay inside the plugin directory");
        return null;
      }
    }
    Path resolved = dir.resolve(relative).normalize();
    if (!Files.exists(resolved)) {
      problems.add(field, quote(value) + " not found in " + dir);
      return null;
    }
    if (!Files.isRegularFile(resolved)) {
      problems.add(field, quote(value) + " is not a regular file");
      return null;
    }
    try {
      if (!resolved.toRealPath().startsWith(dir.toRealPath())) {
        problems.add(field, quote(value) + " is a link that leads outside the plugin directory");
        return null;
      }
    } catch (IOException e) {
      problems.add(field, quote(value) + " cannot be resolved: " + e);
      return null;
    }
    return resolved;
  }
}
