package dev.pyplugins.runtime;

import java.nio.file.Path;
import java.time.Duration;

/** Range checks for {@link RuntimeOptions}, with messages naming the option. */
final class OptionLimits {

  private OptionLimits() {}

  static void checkSocketBaseDir(Path dir) {
    if (dir == null || !dir.isAbsolute()) {
      throw new IllegalArgumentException("socketBaseDir must be an absolute path, was " + dir);
    }
    String text = dir.toString();
    if (text.length() > RuntimeOptions.MAX_SOCKET_BASE_DIR_LENGTH) {
      throw new IllegalArgumentException("socketBaseDir must be at most " + RuntimeOptions.MAX_SOCKET_BASE_DIR_LENGTH
          + " characters so socket paths fit in sun_path, was " + text.length() + ": " + text);
    }
    if (text.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("socketBaseDir must not contain whitespace: '" + text + "'");
    }
  }

  static void within(String name, Duration value, Duration min, Duration max) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must be set");
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " must be within [" + min + ", " + max + "], was " + value);
    }
  }

  static void within(String name, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(name + " must be within [" + fmt(min) + ", " + fmt(max) + "], was " + value);
    }
  }

  static void notBlank(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }

  static void oneOf(String name, String value, String... allowed) {
    if (value == null || !java.util.List.of(allowed).contains(value)) {
      throw new IllegalArgumentException(name + " must be one of " + String.join(", ", allowed) + ", was " + value);
    }
  }

  /** A POSIX variable name that the launcher does not set itself. */
  static void checkVariableName(String option, String name) {
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(option + ": '" + name + "' is not a variable name (letters, digits and _,"
          + " not starting with a digit)");
    }
    if (name.startsWith("MATTERMOST_PLUGIN") || name.startsWith("PLUGIN_")) {
      throw new IllegalArgumentException(option + ": " + name + " is set by the launcher (MATTERMOST_PLUGIN*,"
          + " PLUGIN_*) and cannot be given");
    }
  }

  static void checkVariable(String option, String name, String value) {
    checkVariableName(option, name);
    if (value == null || value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(option + ": the value of " + name + " must be set and contain no NUL");
    }
  }

  private static String fmt(double bound) {
    return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
  }

  static void within(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be within [" + min + ", " + max + "], was " + value);
    }
  }
}
