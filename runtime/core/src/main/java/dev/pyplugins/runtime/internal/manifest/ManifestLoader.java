package dev.pyplugins.runtime.internal.manifest;

import static dev.pyplugins.runtime.internal.manifest.Problems.kind;
import static dev.pyplugins.runtime.internal.manifest.Problems.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads {@code plugin.json} from a plugin directory and validates everything the runtime relies on,
 * collecting every problem (each naming its field) before failing, so one run shows all that needs fixing.
 * Fields the runtime does not use are left to the host. Stateless and thread-safe.
 *
 * <p>The file is read by {@link ManifestFile} (a regular file, no link, at most 1 MiB) and parsed by
 * {@link ManifestJson} (bounded tokens and nesting, messages without the file's content); the
 * {@code server} object is checked by {@link ServerSection}.
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
    String text = ManifestFile.read(dir, file);
    JsonNode root = ManifestJson.parse(file, text);
    if (root == null || !root.isObject()) {
      throw ManifestFile.fail(file, "must be a JSON object, was " + kind(root));
    }
    Problems problems = new Problems();
    String id = checkId(root, problems);
    String name = problems.optionalString(root, "name", "name");
    String version = semver(root, "version", "1.2.3", problems);
    semver(root, "min_server_version", "9.0.0", problems);
    JsonNode server = root.get("server");
    ServerSection.Spec spec = null;
    if (server == null || server.isNull()) {
      problems.add("server", "missing; the runtime starts a plugin's server part and this plugin has none");
    } else if (!server.isObject()) {
      problems.add("server", "must be an object, was " + kind(server));
    } else {
      spec = new ServerSection(dir, platform, problems).check(server);
    }
    if (!problems.isEmpty()) {
      throw new InvalidManifestException(id, file, problems.list());
    }
    return new ValidatedManifest(id, name == null ? id : name, version == null ? "" : version, dir, spec.runtime(),
        spec.entryPoint(), spec.pythonVersion(), text);
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

  /** The id when valid, else null with the problem recorded. */
  private static String checkId(JsonNode root, Problems problems) {
    JsonNode node = root.get("id");
    if (node == null || node.isNull()) {
      problems.add("id", "missing; every plugin needs an id such as \"com.example.hello\"");
      return null;
    }
    if (!node.isTextual()) {
      problems.add("id", "must be a string, was " + kind(node));
      return null;
    }
    String id = node.textValue();
    if (id.length() < ID_MIN || id.length() > ID_MAX) {
      problems.add("id", "must be " + ID_MIN + " to " + ID_MAX + " characters long, was " + id.length());
    } else if (!ID.matcher(id).matches()) {
      problems.add("id", quote(id) + " may only contain letters, digits, '-', '_' and '.'");
    } else {
      return id;
    }
    return null;
  }

  private static String semver(JsonNode root, String field, String example, Problems problems) {
    String value = problems.optionalString(root, field, field);
    if (value != null && !SEMVER.matcher(value).matches()) {
      problems.add(field, quote(value) + " is not a semantic version such as " + example);
    }
    return value;
  }
}
