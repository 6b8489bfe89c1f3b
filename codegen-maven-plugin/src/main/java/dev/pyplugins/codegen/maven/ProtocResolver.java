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
 * Resolves protoc ({@code com.google.protobuf:protoc:<version>:exe:<classifier>}) like any other artifact,
 * so the build's mirrors, proxies, offline mode and local repository apply, then copies it into the work
 * directory with the executable bit set (the local repository copy is not executable).
 */
final class ProtocResolver {

  private final RepositorySystem system;
  private final RepositorySystemSession session;
  private final List<RemoteRepository> repositories;

  ProtocResolver(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
    this.system = system;
    this.session = session;
    this.repositories = List.copyOf(repositories);
  }

  /** Resolves protoc of that version for this platform and returns an executable copy under {@code binDir}. */
  Path resolve(String version, Path binDir) throws MojoExecutionException {
    String classifier = ProtocClassifier.current().orElseThrow(() -> new MojoExecutionException(
        "protoc is not published for this platform (os.name=" + System.getProperty("os.name") + ", os.arch="
            + System.getProperty("os.arch") + "); set protocExecutable to a protoc " + version + " you built"));
    DefaultArtifact artifact = new DefaultArtifact("com.google.protobuf", "protoc", classifier, "exe", version);
    Path resolved;
    try {
      resolved = system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null)).getArtifact()
          .getFile().toPath();
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException("could not resolve protoc " + artifact + ": " + e.getMessage(), e);
    }
    try {
      return executableCopy(resolved, binDir.resolve("protoc-" + version + "-" + classifier + ".exe"));
    } catch (IOException e) {
      throw new MojoExecutionException("could not copy protoc to " + binDir + ": " + e, e);
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
    Path temp = Files.createTempFile(target.getParent(), "protoc", ".tmp");
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
