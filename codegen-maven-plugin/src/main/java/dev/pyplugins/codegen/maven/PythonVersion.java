package dev.pyplugins.codegen.maven;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives a PEP 440 version for the wheel from a Maven project version: {@code 1.2.3-SNAPSHOT} becomes
 * {@code 1.2.3.dev0}, {@code 1.2.3-rc1} becomes {@code 1.2.3rc1}, {@code 1.2.3-alpha-2} becomes
 * {@code 1.2.3a2}, and any other qualifier becomes a local version label ({@code 1.2.3-foo} becomes
 * {@code 1.2.3+foo}, which pip installs but PyPI refuses).
 */
final class PythonVersion {

  private static final Pattern MAVEN = Pattern.compile("(\\d+(?:\\.\\d+)*)(?:[-.]?(.+))?");
  private static final Pattern PRE_RELEASE =
      Pattern.compile("(alpha|a|beta|b|rc|cr|milestone|m)[-.]?(\\d*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern LOCAL_LABEL = Pattern.compile("[a-z0-9]+(?:\\.[a-z0-9]+)*");

  private PythonVersion() {}

  /**
   * The PEP 440 form of the Maven version.
   *
   * @throws IllegalArgumentException when the version does not start with a number, so has no PEP 440 form
   */
  static String fromMaven(String mavenVersion) {
    Matcher m = MAVEN.matcher(mavenVersion.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("project version " + mavenVersion + " does not start with a number,"
          + " so it has no Python (PEP 440) form; set pythonVersion");
    }
    String release = m.group(1);
    String qualifier = m.group(2);
    if (qualifier == null) {
      return release;
    }
    boolean snapshot = qualifier.toUpperCase(Locale.ROOT).endsWith("SNAPSHOT");
    if (snapshot) {
      qualifier = qualifier.substring(0, qualifier.length() - "SNAPSHOT".length()).replaceAll("[-.]+$", "");
    }
    String suffix = qualifier.isEmpty() ? "" : qualifierSuffix(qualifier, mavenVersion);
    String dev = snapshot ? ".dev0" : "";
    // A local label (+...) must come last.
    return suffix.startsWith("+") ? release + dev + suffix : release + suffix + dev;
  }

  private static String qualifierSuffix(String qualifier, String mavenVersion) {
    Matcher pre = PRE_RELEASE.matcher(qualifier);
    if (pre.matches()) {
      String kind = switch (pre.group(1).toLowerCase(Locale.ROOT)) {
        case "alpha", "a", "milestone", "m" -> "a";
        case "beta", "b" -> "b";
        default -> "rc";
      };
      return kind + (pre.group(2).isEmpty() ? "0" : Integer.parseInt(pre.group(2)));
    }
    if (qualifier.equalsIgnoreCase("final") || qualifier.equalsIgnoreCase("ga")
        || qualifier.equalsIgnoreCase("release")) {
      return "";
    }
    String label = qualifier.toLowerCase(Locale.ROOT).replaceAll("[-_]", ".");
    if (!LOCAL_LABEL.matcher(label).matches()) {
      throw new IllegalArgumentException("cannot turn the qualifier of project version " + mavenVersion
          + " into a Python (PEP 440) version; set pythonVersion");
    }
    return "+" + label;
  }
}
