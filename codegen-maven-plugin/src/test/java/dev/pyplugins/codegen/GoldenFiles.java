package dev.pyplugins.codegen;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares generated files with the expected ones kept under {@code src/test/resources/golden/<kind>/<case>}.
 * Run the tests with {@code -Dgolden.update=true} to rewrite the expected files from the generator's
 * output (then review the change with git diff); without it, any difference fails with a unified diff.
 */
public final class GoldenFiles {

  /** The switch that rewrites golden files instead of comparing. */
  public static final String UPDATE_PROPERTY = "golden.update";

  private GoldenFiles() {}

  /** The golden directory of one case, such as {@code golden/java/basic}. */
  public static Path directory(String kind, String caseName) {
    return Path.of(System.getProperty("golden.dir", "src/test/resources/golden"), kind, caseName);
  }

  /**
   * Checks {@code files} against the golden directory, or rewrites it when updating.
   *
   * @return an empty list when they match (or were rewritten), else one readable problem per file
   */
  public static List<String> check(Path golden, List<GeneratedFile> files) {
    Map<String, String> actual = new TreeMap<>();
    files.forEach(f -> actual.put(f.path(), f.contentAsText()));
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      rewrite(golden, actual);
      return List.of();
    }
    Map<String, String> expected = read(golden);
    List<String> problems = new ArrayList<>();
    for (String path : new TreeSet<>(union(expected, actual))) {
      String want = expected.get(path);
      String got = actual.get(path);
      if (want == null) {
        problems.add("unexpected generated file " + path + " (not in " + golden + ")");
      } else if (got == null) {
        problems.add("missing generated file " + path + " (expected by " + golden + ")");
      } else if (!want.equals(got)) {
        problems.add(diff(path, want, got));
      }
    }
    if (!problems.isEmpty()) {
      problems.add("if the change is intended, rerun with -D" + UPDATE_PROPERTY + "=true and review the diff");
    }
    return problems;
  }

  private static String diff(String path, String expected, String actual) {
    List<String> want = expected.lines().toList();
    List<String> got = actual.lines().toList();
    List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("golden/" + path, "generated/" + path, want,
        DiffUtils.diff(want, got), 3);
    String text = String.join("\n", unified);
    return text.isEmpty() ? path + " differs only in line endings or a final newline" : text;
  }

  private static TreeSet<String> union(Map<String, String> a, Map<String, String> b) {
    TreeSet<String> all = new TreeSet<>(a.keySet());
    all.addAll(b.keySet());
    return all;
  }

  private static Map<String, String> read(Path golden) {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(golden)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(golden)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(golden.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static void rewrite(Path golden, Map<String, String> files) {
    try {
      if (Files.isDirectory(golden)) {
        try (Stream<Path> walk = Files.walk(golden)) {
          for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
            Files.delete(p);
          }
        }
      }
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path target = golden.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
