package dev.pyplugins.codegen.python;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The core metadata of a wheel (Metadata-Version 2.1).
 *
 * @param name the distribution name, such as {@code mattermost-plugin}
 * @param version a PEP 440 version
 * @param summary a one-line description
 * @param requiresPython the {@code Requires-Python} specifier
 * @param requirements {@code Requires-Dist}: distribution name to version specifier (may be empty)
 * @param topLevel the top-level import packages
 */
public record WheelMetadata(String name, String version, String summary, String requiresPython,
    Map<String, String> requirements, List<String> topLevel) {

  private static final Pattern NAME = Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern VERSION = Pattern.compile("^[0-9]+(\\.[0-9]+)*((a|b|rc)[0-9]+)?(\\.post[0-9]+)?"
      + "(\\.dev[0-9]+)?$");

  public WheelMetadata {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("'" + name + "' is not a valid Python distribution name");
    }
    if (!VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException("'" + version + "' is not a PEP 440 version such as 1.2.0 or 1.2.0rc1");
    }
    if (summary.contains("\n")) {
      throw new IllegalArgumentException("the wheel summary must be one line");
    }
    requirements = new TreeMap<>(requirements);
    topLevel = List.copyOf(topLevel);
  }

  /** {@code <normalised name>-<version>}, as both the file name and the dist-info directory use it. */
  String fileNameStem() {
    return name.replaceAll("[-_.]+", "_").toLowerCase(Locale.ROOT) + "-" + version;
  }

  String metadataFile() {
    StringBuilder out = new StringBuilder()
        .append("Metadata-Version: 2.1\n")
        .append("Name: ").append(name).append('\n')
        .append("Version: ").append(version).append('\n')
        .append("Summary: ").append(summary).append('\n')
        .append("Requires-Python: ").append(requiresPython).append('\n');
    requirements.forEach((dist, spec) -> out.append("Requires-Dist: ").append(dist).append(spec).append('\n'));
    return out.toString();
  }
}
