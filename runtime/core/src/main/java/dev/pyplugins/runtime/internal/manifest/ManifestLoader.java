package dev.pyplugins.runtime.internal.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads {@code plugin.json} from a plugin directory and validates everything the runtime relies on,
 * collecting every problem (each naming its field) before failing, so one run shows all that needs fixing.
 * Fields the runtime does not use are left to the host. Stateless and thread-safe.
 *
 * <p>The Python extension of Mattermost's manifest: {@code server.runtime: "python"} (optional when the
 * entry point ends in {@code .py}), {@code server.python.entry_point} (or a {@code .py}
 * {@code server.executable}) and {@code server.python.version}, a PEP 440 specifier such as
 * {@code ">=3.10"}. Without a Python runtime, {@code server.executables["<os>-<arch>"]} or
 * {@code server.executable} is started directly, as Mattermost starts Go plugins.
 */
public final class ManifestLoader {
  /** The manifest's file name inside a plugin directory. */
  public static final String FILE_NAME = "plugin.json";

  // Mattermost's model.IsValidPluginId.
  private static final Pattern ID = Pattern.compile("[a-zA-Z0-9-_.]+");
  private static final int ID_MIN = 3;
  private static final int ID_MAX = 190;
  private static final Pattern SEMVER =
      Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final String platform;

  /** A loader that picks {@code server.executables} entries for this machine. */
  public ManifestLoader() {
    this(currentPlatform());
  }

  /** A loader that picks {@code server.executables} entries for {@code platform}, e.g. "linux-amd64". */
  public ManifestLoader(String platform) {
    this.platform = platform;
  }

  /**
   * Loads and validates {@code <pluginDirectory>/plugin.json}.
   *
   * @throws InvalidManifestException listing every problem found
   */
  public ValidatedManifest load(Path pluginDirectory) {
    Path dir = pluginDirectory.toAbsolutePath().normalize();
    Path file = dir.resolve(FILE_NAME);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw fail(null, file, FILE_NAME, "not found in " + dir);
    } catch (IOException e) {
      throw fail(null, file, FILE_NAME, "cannot be read: " + e);
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw fail(null, file, FILE_NAME, "not valid JSON" + where + ": " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw fail(null, file, FILE_NAME, "must be a JSON object, was " + kind(root));
    }
    return new Validation(dir, file, root, text).run();
  }

  private static InvalidManifestException fail(String id, Path file, String field, String message) {
    return new InvalidManifestException(id, file, List.of(new ManifestProblem(field, message)));
  }

  /** This machine as Mattermost names platforms in {@code server.executables}: linux-amd64, darwin-arm64. */
  static String currentPlatform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String goos = os.startsWith("mac") || os.startsWith("darwin") ? "darwin"
        : os.startsWith("windows") ? "windows" : os.replace(' ', '-');
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String goarch = switch (arch) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> arch;
    };
    return goos + "-" + goarch;
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "empty";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case NUMBER -> "a number";
      case OBJECT -> "an object";
      case STRING -> "a string";
      default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
    };
  }

  /** One validation run; collects problems instead of stopping at the first. */
  private final class Validation {
    private final Path dir;
    private final Path file;
    private final JsonNode root;
    private final String text;
    private final List<ManifestProblem> problems = new ArrayList<>();

    Validation(Path dir, Path file, JsonNode root, String text) {
      this.dir = dir;
      this.file = file;
      this.root = root;
      this.text = text;
    }

    ValidatedManifest run() {
      String id = checkId();
      String name = optionalString(root, "name", "name");
      String version = optionalString(root, "version", "version");
      if (version != null && !SEMVER.matcher(version).matches()) {
        problem("version", "'" + version + "' is not a semantic version such as 1.2.3");
      }
      String minServer = optionalString(root, "min_server_version", "min_server_version");
      if (minServer != null && !SEMVER.matcher(minServer).matches()) {
        problem("min_server_version", "'" + minServer + "' is not a semantic version such as 9.0.0");
      }
      JsonNode server = root.get("server");
      ServerSpec spec = null;
      if (server == null || server.isNull()) {
        problem("server", "missing; the runtime starts a plugin's server part and this plugin has none");
      } else if (!server.isObject()) {
        problem("server", "must be an object, was " + kind(server));
      } else {
        spec = checkServer(server);
      }
      if (!problems.isEmpty()) {
        throw new InvalidManifestException(id, file, problems);
      }
      return new ValidatedManifest(id, name == null ? id : name, version == null ? "" : version, dir, spec.runtime,
          spec.entryPoint, spec.pythonVersion, text);
    }

    private String checkId() {
      JsonNode node = root.get("id");
      if (node == null || node.isNull()) {
        problem("id", "missing; every plugin needs an id such as \"com.example.hello\"");
        return null;
      }
      if (!node.isTextual()) {
        problem("id", "must be a string, was " + kind(node));
        return null;
      }
      String id = node.textValue();
      if (id.length() < ID_MIN || id.length() > ID_MAX) {
        problem("id", "must be " + ID_MIN + " to " + ID_MAX + " characters long, was " + id.length());
      } else if (!ID.matcher(id).matches()) {
        problem("id", "'" + id + "' may only contain letters, digits, '-', '_' and '.'");
      } else {
        return id;
      }
      return null;
    }

    private ServerSpec checkServer(JsonNode server) {
      String runtimeName = optionalString(server, "runtime", "server.runtime");
      String executable = optionalString(server, "executable", "server.executable");
      String platformExecutable = platformExecutable(server);
      JsonNode python = server.get("python");
      if (python != null && !python.isNull() && !python.isObject()) {
        problem("server.python", "must be an object, was " + kind(python));
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
        problem("server.runtime", "unknown runtime '" + runtimeName
            + "'; use \"python\", or leave it out to start server.executable directly");
        return null;
      }
      if (runtime == ServerRuntime.PYTHON) {
        return checkPython(hasPython ? python : null, executable);
      }
      String chosen = platformExecutable != null ? platformExecutable : executable;
      String field = platformExecutable != null ? "server.executables." + platform : "server.executable";
      if (chosen == null) {
        problem("server.executable", "missing; name the plugin's executable, or set server.runtime to \"python\""
            + " and server.python.entry_point");
        return null;
      }
      Path exe = checkRelativeFile(field, chosen);
      if (exe != null && !Files.isExecutable(exe)) {
        problem(field, "'" + chosen + "' is not executable (chmod +x it)");
      }
      return exe == null ? null : new ServerSpec(ServerRuntime.NATIVE, exe, PythonVersionRequirement.any());
    }

    private ServerSpec checkPython(JsonNode python, String executable) {
      String entry = python == null ? null : optionalString(python, "entry_point", "server.python.entry_point");
      String field = "server.python.entry_point";
      if (entry == null && python != null && python.has("entry_point") && !python.get("entry_point").isNull()) {
        return null; // wrong type, already reported
      }
      if (entry == null && executable != null) {
        entry = executable;
        field = "server.executable";
      }
      PythonVersionRequirement requirement = PythonVersionRequirement.any();
      String spec = python == null ? null : optionalString(python, "version", "server.python.version");
      if (spec != null) {
        try {
          requirement = PythonVersionRequirement.parse(spec);
        } catch (IllegalArgumentException e) {
          problem("server.python.version", "'" + spec + "' is not a version requirement: " + e.getMessage());
        }
      }
      if (entry == null) {
        problem("server.python.entry_point", "missing; name the plugin's Python file, e.g. \"plugin.py\"");
        return null;
      }
      if (!entry.endsWith(".py")) {
        problem(field, "'" + entry + "' must be a Python file ending in .py");
        return null;
      }
      Path path = checkRelativeFile(field, entry);
      return path == null ? null : new ServerSpec(ServerRuntime.PYTHON, path, requirement);
    }

    private String platformExecutable(JsonNode server) {
      JsonNode map = server.get("executables");
      if (map == null || map.isNull()) {
        return null;
      }
      if (!map.isObject()) {
        problem("server.executables", "must be an object mapping platforms (e.g. \"linux-amd64\") to paths, was "
            + kind(map));
        return null;
      }
      map.properties().forEach(e -> {
        if (!e.getValue().isTextual()) {
          problem("server.executables." + e.getKey(), "must be a string, was " + kind(e.getValue()));
        }
      });
      JsonNode mine = map.get(platform);
      return mine != null && mine.isTextual() ? mine.textValue() : null;
    }

    /** Resolves a manifest path that must name an existing file inside the plugin directory. */
    private Path checkRelativeFile(String field, String value) {
      if (value.isBlank()) {
        problem(field, "must not be empty");
        return null;
      }
      Path relative = Path.of(value);
      if (relative.isAbsolute() || value.startsWith("/") || value.startsWith("\\")) {
        problem(field, "'" + value + "' must be relative to the plugin directory, not absolute");
        return null;
      }
      for (Path part : relative) {
        if (part.toString().equals("..")) {
          problem(field, "'" + value + "' must not contain '..'; it must stay inside the plugin directory");
          return null;
        }
      }
      Path resolved = dir.resolve(relative).normalize();
      if (!Files.exists(resolved)) {
        problem(field, "'" + value + "' not found in " + dir);
        return null;
      }
      if (!Files.isRegularFile(resolved)) {
        problem(field, "'" + value + "' is not a regular file");
        return null;
      }
      try {
        if (!resolved.toRealPath().startsWith(dir.toRealPath())) {
          problem(field, "'" + value + "' is a link that leads outside the plugin directory");
          return null;
        }
      } catch (IOException e) {
        problem(field, "'" + value + "' cannot be resolved: " + e);
        return null;
      }
      return resolved;
    }

    private String optionalString(JsonNode parent, String key, String field) {
      JsonNode node = parent.get(key);
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isTextual()) {
        problem(field, "must be a string, was " + kind(node));
        return null;
      }
      return node.textValue();
    }

    private void problem(String field, String message) {
      problems.add(new ManifestProblem(field, message));
    }
  }

  private record ServerSpec(ServerRuntime runtime, Path entryPoint, PythonVersionRequirement pythonVersion) {}
}
