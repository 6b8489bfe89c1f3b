package dev.pyplugins.it.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/** Where the host-project ITs make their projects, and what they look for on a class path. */
final class HostProjects {
  static final Path ROOT = Path.of(System.getProperty("host.it.root", "../..")).toAbsolutePath().normalize();
  static final Path README = ROOT.resolve("README.md");
  private static final Path WORK = Path.of(System.getProperty("host.it.work", "target/host-projects"));
  private static final Path REPOSITORY = Path.of(System.getProperty("host.it.repository", "target/it-repo"));
  private static final Path MAIN_REPOSITORY = Path.of(System.getProperty("host.it.main.repository",
      System.getProperty("user.home") + "/.m2/repository"));

  private HostProjects() {}

  /**
   * An empty directory {@code name} with the README's blocks of each marker written in order (a later marker's
   * file replaces an earlier one's).
   */
  static Path fromReadme(String name, String... markers) throws IOException {
    Path project = WORK.resolve(name).toAbsolutePath();
    deleteRecursively(project);
    Files.createDirectories(project);
    for (String marker : markers) {
      ReadmeBlocks.of(README, marker).writeTo(project);
    }
    return project;
  }

  static HostBuild build(Path project) throws IOException {
    return new HostBuild(project, ROOT, REPOSITORY, MAIN_REPOSITORY);
  }

  /** The jars of the project's compile and runtime class path. */
  static List<String> classPath(Path project, HostBuild build) throws IOException, InterruptedException {
    Path classpathFile = project.resolve("target/classpath.txt");
    HostBuild.Result result = build.run("mvn -q dependency:build-classpath -Dmdep.outputFile=" + classpathFile);
    if (result.exitCode() != 0) {
      throw new AssertionError("dependency:build-classpath failed:\n" + result.output());
    }
    return List.of(Files.readString(classpathFile).strip().split(":"));
  }

  static boolean holds(String jar, String entry) {
    if (!jar.endsWith(".jar")) {
      return false;
    }
    try (ZipFile zip = new ZipFile(jar)) {
      return zip.getEntry(entry) != null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
