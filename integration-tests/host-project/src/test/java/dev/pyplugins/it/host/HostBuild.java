package dev.pyplugins.it.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a host project's shell commands as its developer would, with {@code mvn} standing for this repository's
 * Maven wrapper pointed at the IT repository (where pyplugins was installed) and, for everything else, at the main
 * build's repository and then Maven Central.
 */
final class HostBuild {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  /** What one command did. */
  record Result(String command, int exitCode, String output, Duration took) {}

  private final Path project;
  private final Path mavenWrapper;
  private final Path settings;
  private final Path repository;

  HostBuild(Path project, Path root, Path repository, Path mainRepository) throws IOException {
    this.project = project;
    this.mavenWrapper = root.resolve("mvnw").toAbsolutePath();
    this.repository = repository.toAbsolutePath();
    this.settings = project.resolve("../settings-" + project.getFileName() + ".xml").normalize();
    Files.writeString(settings, """
        <settings>
          <profiles>
            <profile>
              <id>main-build-repository</id>
              <repositories>
                <repository>
                  <id>main-build</id>
                  <url>%1$s</url>
                  <snapshots><enabled>false</enabled></snapshots>
                </repository>
              </repositories>
              <pluginRepositories>
                <pluginRepository>
                  <id>main-build</id>
                  <url>%1$s</url>
                  <snapshots><enabled>false</enabled></snapshots>
                </pluginRepository>
              </pluginRepositories>
            </profile>
          </profiles>
          <activeProfiles><activeProfile>main-build-repository</activeProfile></activeProfiles>
        </settings>
        """.formatted(mainRepository.toAbsolutePath().toUri()));
  }

  /** Runs one command line of the README in the project directory. */
  Result run(String command) throws IOException, InterruptedException {
    String line = command.startsWith("mvn ") ? mavenWrapper + " -B -ntp -s " + settings + " -Dmaven.repo.local="
        + repository + command.substring(3) : command;
    Path log = Files.createTempFile(project.getParent(), "command", ".log");
    long start = System.nanoTime();
    Process process = new ProcessBuilder(List.of("bash", "-c", line)).directory(project.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("'" + command + "' did not finish within " + TIMEOUT + ":\n" + Files.readString(log));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    return new Result(command, process.exitValue(), output, took);
  }
}
