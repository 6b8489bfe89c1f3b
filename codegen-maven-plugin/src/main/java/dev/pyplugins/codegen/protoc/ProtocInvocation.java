package dev.pyplugins.codegen.protoc;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One run of protoc.
 *
 * @param protoc the protoc executable
 * @param includeDirs {@code -I} directories, searched in order
 * @param files the files to compile, as import paths relative to one of the include dirs
 * @param descriptorSetOut where to write the descriptor set (imports and source info included)
 * @param javaOut where to write Java message classes, if wanted
 * @param grpcJava grpc-java's plugin and where it writes the service stubs, if wanted
 * @param pythonOut where to write Python modules and {@code .pyi} stubs, if wanted
 */
public record ProtocInvocation(
    Path protoc,
    List<Path> includeDirs,
    List<String> files,
    Path descriptorSetOut,
    Optional<Path> javaOut,
    Optional<GrpcJava> grpcJava,
    Optional<Path> pythonOut) {

  /**
   * A run of grpc-java's code generator.
   *
   * @param plugin the {@code protoc-gen-grpc-java} executable
   * @param out where it writes {@code <Service>Grpc.java}
   */
  public record GrpcJava(Path plugin, Path out) {}

  public ProtocInvocation {
    includeDirs = List.copyOf(includeDirs);
    files = List.copyOf(files);
  }

  /** The command line, in a stable order. */
  public List<String> commandLine() {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(protoc.toString());
    includeDirs.forEach(dir -> cmd.add("--proto_path=" + dir));
    cmd.add("--include_imports");
    cmd.add("--include_source_info");
    cmd.add("--descriptor_set_out=" + descriptorSetOut);
    javaOut.ifPresent(dir -> cmd.add("--java_out=" + dir));
    grpcJava.ifPresent(g -> {
      cmd.add("--plugin=protoc-gen-grpc-java=" + g.plugin());
      // No @Generated annotation: it would carry the plugin's version and make output tool-dependent.
      cmd.add("--grpc-java_out=@generated=omit:" + g.out());
    });
    pythonOut.ifPresent(dir -> {
      cmd.add("--python_out=" + dir);
      cmd.add("--pyi_out=" + dir);
    });
    cmd.addAll(files);
    return List.copyOf(cmd);
  }
}
