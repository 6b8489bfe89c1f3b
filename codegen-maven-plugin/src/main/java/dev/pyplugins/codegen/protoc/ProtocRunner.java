package dev.pyplugins.codegen.protoc;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Runs protoc and reads back the descriptor set. */
public final class ProtocRunner {

  private final Duration timeout;

  public ProtocRunner(Duration timeout) {
    this.timeout = timeout;
  }

  /** What a successful run produced: the descriptor set and any warnings protoc printed. */
  public record Result(FileDescriptorSet descriptors, String warnings) {}

  /**
   * Runs the invocation, strictly: for the project's own protocol, where a warning is a defect.
   *
   * @return the descriptor set protoc wrote
   * @throws ProtocException with protoc's diagnostics when it fails, prints warnings, or times out
   */
  public FileDescriptorSet run(ProtocInvocation invocation) throws ProtocException {
    Result result = runAllowingWarnings(invocation);
    if (!result.warnings().isEmpty()) {
      throw new ProtocException("protoc reported warnings:\n" + result.warnings());
    }
    return result.descriptors();
  }

  /**
   * Runs the invocation and hands warnings (an unused import, say) back instead of failing on them: for a
   * user's protocol, which protoc accepted.
   *
   * @throws ProtocException with protoc's diagnostics when it fails or times out
   */
  public Result runAllowingWarnings(ProtocInvocation invocation) throws ProtocException {
    makeExecutable(invocation.protoc(), "protoc");
    if (invocation.grpcJava().isPresent()) {
      makeExecutable(invocation.grpcJava().get().plugin(), "protoc-gen-grpc-java");
    }
    try {
      for (var dir : new java.nio.file.Path[] {invocation.descriptorSetOut().getParent(),
          invocation.javaOut().orElse(null), invocation.grpcJava().map(ProtocInvocation.GrpcJava::out).orElse(null),
          invocation.pythonOut().orElse(null)}) {
        if (dir != null) {
          Files.createDirectories(dir);
        }
      }
      Process process = new ProcessBuilder(invocation.commandLine()).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new ProtocException("protoc did not finish within " + timeout.toSeconds() + " s");
      }
      if (process.exitValue() != 0) {
        throw new ProtocException("protoc failed (exit " + process.exitValue() + "):\n" + output);
      }
      // On success protoc prints only warnings (unused imports, ...).
      return new Result(FileDescriptorSet.parseFrom(Files.readAllBytes(invocation.descriptorSetOut())), output);
    } catch (IOException e) {
      throw new ProtocException("could not run protoc at " + invocation.protoc() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProtocException("interrupted while running protoc", e);
    }
  }

  private static void makeExecutable(java.nio.file.Path program, String name) throws ProtocException {
    if (!Files.isExecutable(program) && !program.toFile().setExecutable(true)) {
      throw new ProtocException(name + " at " + program + " is not executable");
    }
  }
}
