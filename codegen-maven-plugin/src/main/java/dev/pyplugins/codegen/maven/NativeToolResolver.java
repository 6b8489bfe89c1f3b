package dev.pyplugins.codegen.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Resolves the native code generators published as Maven artifacts of type {@code exe} with a platform
 * classifier: protoc ({@code com.google.protobuf:protoc}) and grpc-java's plugin
 * ({@code io.grpc:protoc-gen-grpc-java}). They are resolved like any other artifact, so the build's mirrors,
 * proxies, offline mode and local repository apply, then copied into the work directory with the executable
 * bit set (the local repository copy is not executable).
 */
final class NativeToolResolver {

  /** protoc itself. */
  static final Tool PROTOC = new Tool("com.google.protobuf", "protoc", "protocExecutable");
  /** grpc-java's code generator for the service stubs. */
  static final Tool GRPC_JAVA = new Tool("io.grpc", "protoc-gen-grpc-java", "grpcJavaPluginExecutable");

  /**
   * A native tool's coordinates.
   *
   * @param overrideParameter the goal parameter that names a local executable instead
   */
  record Tool(String groupId, String artifactId, String overrideParameter) {}

  private final RepositorySystem system;
  private final RepositorySystemSession session;
  private final List<RemoteRepository> repositories;

  NativeToolResolver(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
    this.system = system;
    this.session = session;
    this.repositories = List.copyOf(repositories);
  }

  /** Resolves the tool of that version for this platform and returns an executable copy under {@code binDir}. */
  Path resolve(Tool tool, String version, Path binDir) throws MojoExecutionException {
    String classifier = ProtocClassifier.current().orElseThrow(() -> new MojoExecutionException(
        tool.artifactId() + " is not published for this platform (os.name=" + System.getProperty("os.name")
            + ", os.arch=" + System.getProperty("os.arch") + "); set " + tool.overrideParameter() + " to a "
            + tool.artifactId() + " " + version + " you built"));
    DefaultArtifact artifact = new DefaultArtifact(tool.groupId(), tool.artifactId(), classifier, "exe", version);
    Path resolved;
    try {
      resolved = system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null)).getArtifact()
          .getFile().toPath();
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException("could not resolve " + tool.artifactId() + " " + artifact + ": "
          + e.getMessage(), e);
    }
    try {
      return executableCopy(resolved, binDir.resolve(tool.artifactId() + "-" + version + "-" + classifier + ".exe"));
    } catch (IOException e) {
      throw new MojoExecutionException("could not copy " + tool.artifactId() + " to " + binDir + ": " + e, e);
    }
  }

  /**
   * Copies unless a copy at least as new as the source is there (the name carries version and platform, so
   * size and time suffice); the copy appears atomically, so a parallel build never sees half of it.
   */
  private static Path executableCopy(Path source, Path target) throws IOException {
    if (Files.isRegularFile(target) && Files.isExecutable(target) && Files.size(target) == Files.size(source)
        && Files.getLastModifiedTime(target).compareTo(Files.getLastModifiedTime(source)) >= 0) {
      return target;
    }
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), "tool", ".tmp");
    try {
      Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
      if (!temp.toFile().setExecutable(true)) {
        throw new IOException("cannot make " + temp + " executable");
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }
}
