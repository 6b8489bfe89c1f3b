package dev.pyplugins.codegen.output;

import dev.pyplugins.codegen.CodeGenerationException;
import dev.pyplugins.codegen.CodeGenerationException.Kind;
import dev.pyplugins.codegen.GeneratedFile;
import dev.pyplugins.codegen.OutputRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces output directories with a run's files, all or nothing.
 *
 * <p>Every file is first written to a staging directory beside its output directory (same file system,
 * so renames are atomic). Only when all roots are staged is each output directory renamed aside and its
 * staging directory renamed into place; if a rename fails, the directories already swapped are swapped
 * back. A reader thus sees either the previous outputs or the new ones, never a mix or a half-written
 * file. Leftovers of a run killed mid-way are removed by the next one.
 *
 * <p>Not thread-safe for the same output directories: one run at a time per directory.
 */
public final class OutputWriter {

  private static final String STAGING = ".pyplugins-staging";
  private static final String PREVIOUS = ".pyplugins-previous";

  /**
   * Makes each directory hold exactly the given files of its root (plus the {@link OutputManifest}).
   *
   * @param directories the output directory of every root to replace; a root with no files becomes an
   *     empty directory with a manifest
   * @param files the files, each of a root in {@code directories}, with distinct paths per root
   * @throws CodeGenerationException {@link Kind#INVALID_INPUT} when an output directory holds files that
   *     pyplugins did not write, {@link Kind#IO_FAILED} when writing fails; in both cases the output
   *     directories are as they were
   */
  public void replace(Map<OutputRoot, Path> directories, List<GeneratedFile> files) throws CodeGenerationException {
    Map<OutputRoot, List<GeneratedFile>> byRoot = groupByRoot(directories, files);
    for (Map.Entry<OutputRoot, Path> e : directories.entrySet()) {
      checkOwned(e.getKey(), e.getValue());
    }
    List<Path> staged = new ArrayList<>();
    try {
      for (Map.Entry<OutputRoot, List<GeneratedFile>> e : byRoot.entrySet()) {
        Path staging = sibling(directories.get(e.getKey()), STAGING);
        staged.add(staging);
        stage(staging, e.getValue());
      }
      swapAll(byRoot.keySet().stream().map(directories::get).toList());
    } catch (IOException e) {
      for (Path staging : staged) {
        deleteQuietly(staging);
      }
      throw new CodeGenerationException(Kind.IO_FAILED, "could not write the generated files (the previous"
          + " outputs are unchanged): " + e, e);
    }
  }

  private static Map<OutputRoot, List<GeneratedFile>> groupByRoot(Map<OutputRoot, Path> directories,
      List<GeneratedFile> files) {
    Map<OutputRoot, List<GeneratedFile>> byRoot = new EnumMap<>(OutputRoot.class);
    directories.keySet().forEach(root -> byRoot.put(root, new ArrayList<>()));
    Set<String> seen = new HashSet<>();
    for (GeneratedFile file : files) {
      List<GeneratedFile> list = byRoot.get(file.root());
      if (list == null) {
        throw new IllegalArgumentException(file + " belongs to an output root that is not written");
      }
      if (file.path().equals(OutputManifest.FILE_NAME)) {
        throw new IllegalArgumentException(file + " would overwrite the output manifest");
      }
      if (!seen.add(file.root() + ":" + file.path())) {
        throw new IllegalArgumentException(file + " is generated twice");
      }
      list.add(file);
    }
    byRoot.values().forEach(list -> list.sort(Comparator.comparing(GeneratedFile::path)));
    return byRoot;
  }

  private static void checkOwned(OutputRoot root, Path directory) throws CodeGenerationException {
    try {
      if (!OutputManifest.isPresent(directory) && !OutputManifest.isAbsentOrEmpty(directory)) {
        throw new CodeGenerationException(Kind.INVALID_INPUT, "refusing to replace the " + root
            + " output directory " + directory + ": it holds files that pyplugins did not write (it has no "
            + OutputManifest.FILE_NAME + "). Output directories are replaced whole; give this output a"
            + " directory of its own, or empty it.");
      }
    } catch (IOException e) {
      throw new CodeGenerationException(Kind.IO_FAILED, "cannot inspect " + directory + ": " + e, e);
    }
  }

  private static void stage(Path staging, List<GeneratedFile> files) throws IOException {
    Directories.deleteRecursively(staging);
    Files.createDirectories(staging);
    Set<Path> created = new HashSet<>();
    for (GeneratedFile file : files) {
      Path target = staging.resolve(file.path());
      if (created.add(target.getParent())) {
        Files.createDirectories(target.getParent());
      }
      Files.write(target, file.content());
    }
    Files.write(staging.resolve(OutputManifest.FILE_NAME), OutputManifest.render(files));
  }

  /** Swaps every staged directory in, or none: on failure, the ones already swapped go back. */
  private static void swapAll(List<Path> directories) throws IOException {
    Deque<Path> swapped = new ArrayDeque<>();
    try {
      for (Path directory : directories) {
        swap(directory);
        swapped.push(directory);
      }
    } catch (IOException e) {
      while (!swapped.isEmpty()) {
        Path directory = swapped.pop();
        try {
          unswap(directory);
        } catch (IOException rollback) {
          e.addSuppressed(rollback);
        }
      }
      throw e;
    }
    for (Path directory : directories) {
      Directories.deleteRecursively(sibling(directory, PREVIOUS));
    }
  }

  private static void swap(Path directory) throws IOException {
    Path previous = sibling(directory, PREVIOUS);
    Directories.deleteRecursively(previous);
    boolean moved = false;
    if (Files.exists(directory)) {
      Files.move(directory, previous, StandardCopyOption.ATOMIC_MOVE);
      moved = true;
    }
    try {
      Files.move(sibling(directory, STAGING), directory, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (moved) {
        Files.move(previous, directory, StandardCopyOption.ATOMIC_MOVE);
      }
      throw e;
    }
  }

  private static void unswap(Path directory) throws IOException {
    Path previous = sibling(directory, PREVIOUS);
    Directories.deleteRecursively(directory);
    if (Files.exists(previous)) {
      Files.move(previous, directory, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private static Path sibling(Path directory, String suffix) {
    return directory.resolveSibling("." + directory.getFileName() + suffix);
  }

  private static void deleteQuietly(Path path) {
    try {
      Directories.deleteRecursively(path);
    } catch (IOException ignored) {
      // Best effort: the next run deletes leftover staging directories before it stages.
    }
  }
}
