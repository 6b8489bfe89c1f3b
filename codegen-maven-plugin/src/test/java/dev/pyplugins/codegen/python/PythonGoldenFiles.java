package dev.pyplugins.codegen.python;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares generated files with the committed golden copies under
 * {@code src/test/resources/golden/python/<case>/}. Run with {@code -Dgolden.update=true} to rewrite them
 * (then review the diff).
 */
final class PythonGoldenFiles {

  static final Path ROOT = Path.of("src/test/resources/golden/python");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private PythonGoldenFiles() {}

  static void check(String caseName, Map<String, String> actual) {
    Path dir = ROOT.resolve(caseName);
    try {
      if (UPDATE) {
        if (Files.exists(dir)) {
          try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
              Files.delete(p);
            }
          }
        }
        for (Map.Entry<String, String> e : actual.entrySet()) {
          Path target = dir.resolve(e.getKey());
          Files.createDirectories(target.getParent());
          Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
        }
        return;
      }
      TreeSet<String> expectedPaths = new TreeSet<>();
      if (Files.exists(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          walk.filter(Files::isRegularFile).forEach(p -> expectedPaths.add(dir.relativize(p).toString().replace('\\', '/')));
        }
      }
      List<String> problems = new ArrayList<>();
      if (!expectedPaths.equals(new TreeSet<>(actual.keySet()))) {
        problems.add("file set differs: golden " + expectedPaths + "\n  generated " + new TreeSet<>(actual.keySet()));
      }
      for (Map.Entry<String, String> e : actual.entrySet()) {
        Path golden = dir.resolve(e.getKey());
        if (Files.exists(golden)) {
          String expected = Files.readString(golden, StandardCharsets.UTF_8);
          if (!expected.equals(e.getValue())) {
            problems.add(unifiedDiff(e.getKey(), expected, e.getValue()));
          }
        }
      }
      if (!problems.isEmpty()) {
        fail("generated Python differs from " + dir + " (rerun with -Dgolden.update=true to accept):\n"
            + String.join("\n", problems));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A unified diff of the changed region (common prefix and suffix trimmed), with 3 lines of context. */
  static String unifiedDiff(String name, String expected, String actual) {
    List<String> a = expected.lines().toList();
    List<String> b = actual.lines().toList();
    int start = 0;
    while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
      start++;
    }
    int endA = a.size();
    int endB = b.size();
    while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
      endA--;
      endB--;
    }
    int from = Math.max(0, start - 3);
    int toA = Math.min(a.size(), endA + 3);
    int toB = Math.min(b.size(), endB + 3);
    StringBuilder out = new StringBuilder("--- golden/" + name + "\n+++ generated/" + name + "\n");
    out.append("@@ -").append(from + 1).append(',').append(toA - from).append(" +").append(from + 1).append(',')
        .append(toB - from).append(" @@\n");
    for (int i = from; i < start; i++) {
      out.append(' ').append(a.get(i)).append('\n');
    }
    for (int i = start; i < endA; i++) {
      out.append('-').append(a.get(i)).append('\n');
    }
    for (int i = start; i < endB; i++) {
      out.append('+').append(b.get(i)).append('\n');
    }
    for (int i = endA; i < toA; i++) {
      out.append(' ').append(a.get(i)).append('\n');
    }
    return out.toString();
  }
}
