package dev.pyplugins.codegen.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The {@code .proto} inputs of one run of the goal: the source roots (directories and unpacked artifacts), the
 * import-only roots, and the files selected from the source roots. Gathered from the goal's parameters, so
 * {@link GenerateMojo} holds only the parameters and the order of the steps.
 *
 * @param sourceRoots roots whose selected files are generated from, existing directories first
 * @param importRoots roots that may only be imported from
 * @param files the selected files, relative to their source root
 */
record ProtoInputs(List<Path> sourceRoots, List<Path> importRoots, List<String> files) {

  /** The goal's proto parameters, as configured (null lists mean none). */
  record Parameters(List<File> protoSourceRoots, List<String> protoArtifacts, List<File> importRoots,
      List<String> importArtifacts, List<String> includes, List<String> excludes) {}

  /**
   * Unpacks the artifacts under {@code unpackInto} and selects the files.
   *
   * @throws MojoFailureException when nothing matches, naming the patterns and where they were looked for
   */
  static ProtoInputs gather(Parameters parameters, ProtoArtifacts artifacts, Path unpackInto, Log log)
      throws MojoExecutionException, MojoFailureException {
    List<Path> sourceRoots = new ArrayList<>(existing(orEmpty(parameters.protoSourceRoots()), log));
    sourceRoots.addAll(artifacts.unpack(orEmpty(parameters.protoArtifacts()), unpackInto.resolve("sources")));
    List<Path> importRoots = new ArrayList<>(orEmpty(parameters.importRoots()).stream().map(File::toPath).toList());
    importRoots.addAll(artifacts.unpack(orEmpty(parameters.importArtifacts()), unpackInto.resolve("imports")));
    List<String> excludes = orEmpty(parameters.excludes());
    List<String> files = ProtoFileScanner.scan(sourceRoots.stream().map(Path::toFile).toList(),
        parameters.includes(), excludes);
    if (files.isEmpty()) {
      throw new MojoFailureException("No .proto files match " + parameters.includes()
          + (excludes.isEmpty() ? "" : " minus " + excludes) + " in " + parameters.protoSourceRoots()
          + (orEmpty(parameters.protoArtifacts()).isEmpty() ? ""
              : " or the proto artifacts " + parameters.protoArtifacts()));
    }
    return new ProtoInputs(sourceRoots, importRoots, files);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** A configured source root that does not exist is skipped: the default may be absent when artifacts supply. */
  private static List<Path> existing(List<File> roots, Log log) {
    List<Path> present = new ArrayList<>();
    for (File root : roots) {
      if (root.isDirectory()) {
        present.add(root.toPath());
      } else {
        log.debug("proto source root " + root + " does not exist; skipped");
      }
    }
    return present;
  }
}
