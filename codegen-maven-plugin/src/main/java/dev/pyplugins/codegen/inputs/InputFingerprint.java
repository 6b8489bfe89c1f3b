package dev.pyplugins.codegen.inputs;

import dev.pyplugins.codegen.BuildInfo;
import dev.pyplugins.codegen.GenerationRequest;
import dev.pyplugins.codegen.Generator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything a run's output depends on, written out as text (one fact per line) and hashed. The text is
 * kept beside the hash in the work directory, so "why did it regenerate?" is answered by a diff.
 *
 * <p>Covered: every {@code .proto} file (path and content) under the source and import roots, the
 * selected files, the options, the output directories, the generators' names, the protoc and grpc-java plugin
 * binaries (path, size and modification time), and the code and templates of the generator (jars hashed whole).
 *
 * @param description the facts, one per line
 * @param sha256 the hash of the description, in hex
 */
public record InputFingerprint(String description, String sha256) {

  /** Bumped when the description's format changes, so old records never match. */
  private static final String FORMAT = "pyplugins-codegen inputs v1";

  /** Where the Python SDK's templates live (python-sdk-templates); hashed when on the class path. */
  static final String TEMPLATES = "dev/pyplugins/python-sdk/";

  public static InputFingerprint of(GenerationRequest request, List<Generator> generators) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(FORMAT);
    lines.add("version " + BuildInfo.version());
    List<Class<?>> code = new ArrayList<>();
    code.add(InputFingerprint.class);
    generators.forEach(g -> code.add(g.getClass()));
    CodeFingerprint.of(code, List.of(TEMPLATES)).forEach(line -> lines.add("code " + line));
    // protoc by identity, not content: hashing its ~10 MB would dominate a no-op run in a cold JVM, and
    // the resolved copy's name carries version and platform.
    lines.add(executable("protoc", request.protoc()));
    if (request.grpcJavaPlugin().isPresent()) {
      lines.add(executable("protoc-gen-grpc-java", request.grpcJavaPlugin().get()));
    }
    generators.forEach(g -> lines.add("generator " + g.name()));
    lines.add("options " + Canonical.text(request.options()));
    request.outputDirectories().forEach((root, dir) -> lines.add("output " + root + " " + dir));
    addProtos(lines, "source-root", request.protoSourceRoots());
    addProtos(lines, "import-root", request.importRoots());
    request.protoFiles().forEach(file -> lines.add("generate " + file));
    String description = String.join("\n", lines) + "\n";
    return new InputFingerprint(description, Sha256.hex(description.getBytes(StandardCharsets.UTF_8)));
  }

  private static String executable(String name, Path program) throws IOException {
    return name + " " + program + " " + Files.size(program) + " " + Files.getLastModifiedTime(program).toMillis();
  }

  private static void addProtos(List<String> lines, String kind, List<Path> roots) throws IOException {
    for (Path root : roots) {
      lines.add(kind + " " + root);
      List<Path> protos;
      try (Stream<Path> walk = Files.walk(root)) {
        protos = walk.filter(p -> p.getFileName().toString().endsWith(".proto") && Files.isRegularFile(p))
            .sorted().toList();
      }
      for (Path proto : protos) {
        lines.add("  " + Sha256.hex(proto) + " " + slashes(root.relativize(proto)));
      }
    }
  }

  private static String slashes(Path relative) {
    return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
  }
}
