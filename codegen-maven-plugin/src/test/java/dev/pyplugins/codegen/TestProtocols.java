package dev.pyplugins.codegen;

import dev.pyplugins.codegen.model.ProtocolModel;
import dev.pyplugins.codegen.model.ProtocolModelParser;
import dev.pyplugins.codegen.protoc.ProtocInvocation;
import dev.pyplugins.codegen.protoc.ProtocRunner;
import dev.pyplugins.codegen.protoc.WellKnownTypes;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compiles test protocols with the protoc Maven resolved for the tests ({@code protoc.path}), for tests
 * that need a real {@link ProtocolModel}: the whole protocol in {@code ../proto} or a small one under
 * {@code src/test/proto/<name>}.
 */
public final class TestProtocols {

  /**
   * A compiled protocol: the model, the raw descriptors, what protoc wrote for Python, and the directories of
   * protoc's Java messages and grpc-java's service stubs.
   */
  public record Compiled(ProtocolModel model, FileDescriptorSet descriptors, Map<String, byte[]> pythonOutput,
      Path javaOutput, Path grpcJavaOutput) {
    public GenerationContext context(GenerationOptions options) {
      return new GenerationContext(model, options, pythonOutput);
    }
  }

  private static final Map<Path, Compiled> CACHE = new HashMap<>();

  private TestProtocols() {}

  /** grpc-java's protoc plugin Maven resolved for the tests ({@code grpc.java.plugin.path}). */
  public static Path grpcJavaPlugin() {
    return Path.of(System.getProperty("grpc.java.plugin.path"));
  }

  /** The project's real protocol, {@code proto/src/main/proto}. */
  public static Compiled fullProtocol() {
    return compile(Path.of(System.getProperty("protocol.sources", "../proto/src/main/proto")));
  }

  /** A small protocol under {@code src/test/proto/<name>}. */
  public static Compiled testProtocol(String name) {
    return compile(Path.of("src/test/proto", name));
  }

  public static synchronized Compiled compile(Path sourceDir) {
    Path key = sourceDir.toAbsolutePath().normalize();
    return CACHE.computeIfAbsent(key, TestProtocols::doCompile);
  }

  private static Compiled doCompile(Path sourceDir) {
    try {
      Path work = Files.createTempDirectory("test-protoc");
      Path include = WellKnownTypes.extractTo(work.resolve("include"));
      List<String> files;
      try (Stream<Path> walk = Files.walk(sourceDir)) {
        files = walk.filter(p -> p.toString().endsWith(".proto")).map(p -> sourceDir.relativize(p).toString())
            .sorted().toList();
      }
      Path python = work.resolve("python");
      Path java = work.resolve("java");
      Path grpcJava = work.resolve("grpc-java");
      FileDescriptorSet set = new ProtocRunner(Duration.ofMinutes(2)).run(new ProtocInvocation(
          Path.of(System.getProperty("protoc.path")), List.of(sourceDir, include), files,
          work.resolve("descriptors.pb"), Optional.of(java),
          Optional.of(new ProtocInvocation.GrpcJava(grpcJavaPlugin(), grpcJava)), Optional.of(python)));
      Map<String, byte[]> pythonFiles = new HashMap<>();
      try (Stream<Path> walk = Files.walk(python)) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) {
          pythonFiles.put(python.relativize(p).toString(), Files.readAllBytes(p));
        }
      }
      return new Compiled(ProtocolModelParser.parse(set, Set.copyOf(files)), set, pythonFiles, java, grpcJava);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("could not compile test protocol " + sourceDir + ": " + e.getMessage(), e);
    }
  }
}
