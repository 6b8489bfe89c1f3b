package dev.pyplugins.codegen.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * {@code .proto} files taken from jars, such as {@code dev.pyplugins:pyplugins-proto}: each artifact is
 * resolved through Maven (version given, or managed by the project, e.g. through the pyplugins BOM) and its
 * {@code .proto} entries are unpacked into a directory of the work directory, which then serves as a proto
 * root. A jar already unpacked (same file, size and time) is not unpacked again, so a no-op build stays fast.
 */
final class ProtoArtifacts {
  private static final String STAMP = ".pyplugins-unpacked-from";

  private final RepositorySystem system;
  private final RepositorySystemSession session;
  private final MavenProject project;

  ProtoArtifacts(RepositorySystem system, RepositorySystemSession session, MavenProject project) {
    this.system = system;
    this.session = session;
    this.project = project;
  }

  /**
   * The proto root of each artifact, in order.
   *
   * @param coordinates {@code groupId:artifactId} or {@code groupId:artifactId:version}
   * @param into where the artifacts' roots are made, one sub-directory each
   */
  List<Path> unpack(List<String> coordinates, Path into) throws MojoExecutionException, MojoFailureException {
    List<Path> roots = new ArrayList<>();
    for (String coordinate : coordinates) {
      DefaultArtifact artifact = artifact(coordinate.strip());
      Path jar = resolve(artifact);
      Path root = into.resolve(artifact.getGroupId() + "_" + artifact.getArtifactId());
      try {
        unpackIfChanged(jar, root);
      } catch (IOException e) {
        throw new MojoExecutionException("could not unpack the .proto files of " + artifact + " into " + root + ": "
            + e, e);
      }
      roots.add(root);
    }
    return roots;
  }

  private DefaultArtifact artifact(String coordinate) throws MojoFailureException {
    String[] parts = coordinate.split(":");
    if (parts.length < 2 || parts.length > 3 || List.of(parts).stream().anyMatch(String::isBlank)) {
      throw new MojoFailureException("proto artifact '" + coordinate + "' must be groupId:artifactId or "
          + "groupId:artifactId:version");
    }
    String version = parts.length == 3 ? parts[2] : managedVersion(parts[0], parts[1]).orElseThrow(() ->
        new MojoFailureException("proto artifact '" + coordinate + "' has no version and the project does not "
            + "manage one; give groupId:artifactId:version or import the pyplugins BOM"));
    return new DefaultArtifact(parts[0], parts[1], "jar", version);
  }

  private Optional<String> managedVersion(String groupId, String artifactId) {
    List<Dependency> candidates = new ArrayList<>(project.getDependencies());
    if (project.getDependencyManagement() != null) {
      candidates.addAll(project.getDependencyManagement().getDependencies());
    }
    return candidates.stream().filter(d -> d.getGroupId().equals(groupId) && d.getArtifactId().equals(artifactId))
        .map(Dependency::getVersion).filter(v -> v != null && !v.isBlank()).findFirst();
  }

  private Path resolve(DefaultArtifact artifact) throws MojoExecutionException {
    try {
      return system.resolveArtifact(session, new ArtifactRequest(artifact, project.getRemoteProjectRepositories(),
          null)).getArtifact().getFile().toPath();
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException("could not resolve the proto artifact " + artifact + ": " + e.getMessage(), e);
    }
  }

  private static void unpackIfChanged(Path jar, Path root) throws IOException {
    String identity = jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
    Path stamp = root.resolve(STAMP);
    if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(identity)) {
      return;
    }
    dev.pyplugins.codegen.output.Directories.deleteRecursively(root);
    Files.createDirectories(root);
    int count = 0;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : zip.stream().filter(e -> !e.isDirectory() && e.getName().endsWith(".proto")).toList()) {
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root)) {
          throw new IOException("entry " + entry.getName() + " would land outside " + root);
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        count++;
      }
    }
    if (count == 0) {
      throw new IOException(jar + " holds no .proto files");
    }
    Files.writeString(stamp, identity);
  }
}
