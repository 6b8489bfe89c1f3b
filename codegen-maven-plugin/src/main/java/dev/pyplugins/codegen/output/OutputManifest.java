package dev.pyplugins.codegen.output;

import dev.pyplugins.codegen.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The list of files a run wrote, kept in the output directory as {@value #FILE_NAME}. It marks the
 * directory as ours (so it may be replaced) and lets a no-op run check the outputs are still there.
 * Sorted by path and free of timestamps, so it is as reproducible as the files it lists.
 */
public final class OutputManifest {

  public static final String FILE_NAME = ".pyplugins-outputs";

  private static final String HEADER = "# Written by pyplugins-codegen. This directory is replaced whole on every"
      + " generation run: do not edit.\n# <size in bytes> <path>\n";

  private OutputManifest() {}

  static byte[] render(List<GeneratedFile> files) {
    StringBuilder text = new StringBuilder(HEADER);
    files.stream().sorted(Comparator.comparing(GeneratedFile::path))
        .forEach(f -> text.append(f.content().length).append(' ').append(f.path()).append('\n'));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Whether the directory carries a manifest, that is, a previous run wrote it. */
  public static boolean isPresent(Path directory) {
    return Files.isRegularFile(directory.resolve(FILE_NAME));
  }

  /**
   * The files the manifest lists, if the manifest is there and every file it lists exists with its
   * recorded size; empty otherwise.
   */
  public static Optional<List<String>> readIntact(Path directory) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(directory.resolve(FILE_NAME), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    List<String> paths = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      int space = line.indexOf(' ');
      if (space < 0) {
        return Optional.empty();
      }
      long size;
      try {
        size = Long.parseLong(line.substring(0, space));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      String path = line.substring(space + 1);
      Path file = directory.resolve(path);
      if (!Files.isRegularFile(file) || Files.size(file) != size) {
        return Optional.empty();
      }
      paths.add(path);
    }
    return Optional.of(List.copyOf(paths));
  }

  /** Whether the directory is missing or empty: safe to take over without a manifest. */
  static boolean isAbsentOrEmpty(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return true;
    }
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }
}
