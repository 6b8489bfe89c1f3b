package dev.pyplugins.codegen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one generation run needs, resolved to absolute paths; immutable. The Maven mojo builds it
 * from its parameters; tests and the benchmark build it directly.
 *
 * @param protoSourceRoots directories holding the {@code .proto} files to generate from; first on protoc's
 *     import path
 * @param importRoots further directories protoc may import from, never generated from
 * @param protoFiles the files to generate from, as import paths ({@code acme/v1/api.proto}) relative to
 *     one of the source roots; sorted and without duplicates
 * @param protoc the protoc executable
 * @param grpcJavaPlugin grpc-java's protoc plugin ({@code protoc-gen-grpc-java}), which writes the gRPC service
 *     stubs ({@code <Service>Grpc}); required when Java is generated
 * @param options the user's choices, handed to every generator
 * @param outputDirectories where each kind of output goes; a root that is absent is not generated (no
 *     Java output means no {@code --java_out}; no Python nor wheel output means no {@code --python_out})
 * @param workDirectory scratch space the run owns: protoc's output, the last run's input hash
 */
public record GenerationRequest(
    List<Path> protoSourceRoots,
    List<Path> importRoots,
    List<String> protoFiles,
    Path protoc,
    Optional<Path> grpcJavaPlugin,
    GenerationOptions options,
    Map<OutputRoot, Path> outputDirectories,
    Path workDirectory) {

  public GenerationRequest {
    protoSourceRoots = absolute(protoSourceRoots);
    importRoots = absolute(importRoots);
    protoFiles = protoFiles.stream().distinct().sorted().toList();
    protoc = protoc.toAbsolutePath().normalize();
    grpcJavaPlugin = grpcJavaPlugin.map(p -> p.toAbsolutePath().normalize());
    Objects.requireNonNull(options, "options");
    Map<OutputRoot, Path> outputs = new EnumMap<>(OutputRoot.class);
    outputDirectories.forEach((root, dir) -> outputs.put(root, dir.toAbsolutePath().normalize()));
    // EnumMap: iteration in OutputRoot order, so runs are deterministic.
    outputDirectories = Collections.unmodifiableMap(outputs);
    workDirectory = workDirectory.toAbsolutePath().normalize();
    if (protoSourceRoots.isEmpty()) {
      throw new IllegalArgumentException("no proto source roots");
    }
    if (protoFiles.isEmpty()) {
      throw new IllegalArgumentException("no .proto files selected in " + protoSourceRoots);
    }
    if (outputDirectories.containsKey(OutputRoot.JAVA) && grpcJavaPlugin.isEmpty()) {
      throw new IllegalArgumentException("Java output needs grpc-java's protoc plugin (protoc-gen-grpc-java) for"
          + " the service stubs");
    }
    checkDisjoint(outputs, workDirectory);
  }

  /** Whether this run writes that kind of output. */
  public boolean generates(OutputRoot root) {
    return outputDirectories.containsKey(root);
  }

  /** The output directory of that root; fails when the root is not generated. */
  public Path outputDirectory(OutputRoot root) {
    Path dir = outputDirectories.get(root);
    if (dir == null) {
      throw new IllegalArgumentException(root + " output is not generated in this run");
    }
    return dir;
  }

  private static List<Path> absolute(List<Path> paths) {
    return paths.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
  }

  /**
   * Output directories are replaced whole, so none may contain another or the work directory, or one
   * replacement would wipe the other.
   */
  private static void checkDisjoint(Map<OutputRoot, Path> outputs, Path workDirectory) {
    List<Map.Entry<OutputRoot, Path>> entries = new ArrayList<>(outputs.entrySet());
    for (int i = 0; i < entries.size(); i++) {
      Path a = entries.get(i).getValue();
      if (workDirectory.startsWith(a)) {
        throw new IllegalArgumentException("the work directory " + workDirectory + " lies inside the "
            + entries.get(i).getKey() + " output directory " + a + ", which is replaced on every run");
      }
      for (int j = i + 1; j < entries.size(); j++) {
        Path b = entries.get(j).getValue();
        if (a.startsWith(b) || b.startsWith(a)) {
          throw new IllegalArgumentException("the " + entries.get(i).getKey() + " output directory " + a
              + " and the " + entries.get(j).getKey() + " output directory " + b
              + " overlap; each output needs a directory of its own");
        }
      }
    }
  }
}
