package dev.pyplugins.codegen.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Whole-tree file operations the orchestrator and the writer share. */
public final class Directories {

  private Directories() {}

  /** Deletes the file or directory tree; nothing happens when it does not exist. */
  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Every regular file under the directory, by relative path with {@code /} separators, sorted. */
  public static Map<String, byte[]> readTree(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String path = root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/");
        files.put(path, Files.readAllBytes(file));
      }
    }
    return files;
  }
}
