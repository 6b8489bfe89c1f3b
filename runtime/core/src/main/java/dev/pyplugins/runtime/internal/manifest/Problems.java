package dev.pyplugins.runtime.internal.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The problems found in one manifest so far, and the small helpers every check uses. Not thread-safe. */
final class Problems {
  /** Longest manifest value quoted back in a message; a longer one is cut (a 1 MiB value must not flood logs). */
  private static final int QUOTE_MAX = 200;

  private final List<ManifestProblem> found = new ArrayList<>();

  void add(String field, String message) {
    found.add(new ManifestProblem(field, message));
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  List<ManifestProblem> list() {
    return List.copyOf(found);
  }

  /** The string at {@code parent[key]}, null when absent or null; a problem for {@code field} if not a string. */
  String optionalString(JsonNode parent, String key, String field) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      add(field, "must be a string, was " + kind(node));
      return null;
    }
    return node.textValue();
  }

  /** {@code value} in single quotes, cut to a length fit for a log line. */
  static String quote(String value) {
    return value.length() <= QUOTE_MAX ? "'" + value + "'"
        : "'" + value.substring(0, QUOTE_MAX) + "...' (" + value.length() + " characters)";
  }

  static String kind(JsonNode node) {
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
}
