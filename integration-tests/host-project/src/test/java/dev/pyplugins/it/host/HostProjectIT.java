package dev.pyplugins.it.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's "Adding it to your own host", done as a host developer would: the project made from its blocks,
 * outside the reactor, built and run with its own commands against pyplugins installed into the IT repository.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostProjectIT {
  private static Path project;
  private static HostBuild build;
  private static final List<HostBuild.Result> RUN = new ArrayList<>();

  @BeforeAll
  static void makeTheProjectFromTheReadme() throws IOException {
    project = HostProjects.fromReadme("generating", "host-project");
    build = HostProjects.build(project);
  }

  @Test
  @Order(1)
  void theReadmesCommandsBuildTheHostAndRunAPythonPluginThatCallsTheHostsApiFromAHook() throws Exception {
    for (String command : ReadmeBlocks.of(HostProjects.README, "host-project").commands()) {
      HostBuild.Result result = build.run(command);
      RUN.add(result);
      assertThat(result.exitCode()).as("'%s' failed:%n%s", command, result.output()).isZero();
    }
    String hostOutput = RUN.get(RUN.size() - 1).output();
    System.out.printf(Locale.ROOT, "host project: %s%n", RUN.stream()
        .map(r -> "'" + r.command() + "' " + r.took().toMillis() + " ms").toList());

    assertThat(hostOutput).contains("com.example.hello: RUNNING")
        .contains("com.example.hello answered: Hello from Python on server 11.11.0");
    assertThat(project.resolve("target/classes/dev/pyplugins/protocol/v1/HookName.class")).isRegularFile();
  }

  @Test
  @Order(2)
  void eachGeneratedClassIsOnTheClassPathOnceFromTheHostsOwnBuild() throws Exception {
    List<String> jars = HostProjects.classPath(project, build);

    assertThat(jars).noneMatch(jar -> jar.contains("pyplugins-generated"))
        .anyMatch(jar -> jar.contains("pyplugins-runtime-"));
    List<String> carrying = jars.stream().filter(jar -> HostProjects.holds(jar, "dev/pyplugins/protocol/v1/HookName.class"))
        .toList();
    assertThat(carrying).as("jars on the class path holding a generated class").isEmpty();
  }

  @Test
  @Order(3)
  void anUnchangedRebuildAndAOneFileChangeAreQuick() throws Exception {
    HostBuild.Result noOp = build.run("mvn compile");
    Path host = project.resolve("src/main/java/com/example/host/MyHost.java");
    Files.writeString(host, Files.readString(host) + "// edited\n");
    HostBuild.Result oneFile = build.run("mvn compile");
    Duration first = RUN.isEmpty() ? Duration.ZERO : RUN.get(0).took();
    System.out.printf(Locale.ROOT, "host project builds: first %d ms (generate and compile), no-op %d ms, one file"
        + " changed %d ms%n", first.toMillis(), noOp.took().toMillis(), oneFile.took().toMillis());

    assertThat(noOp.exitCode()).as(noOp.output()).isZero();
    assertThat(oneFile.exitCode()).as(oneFile.output()).isZero();
    assertThat(noOp.output()).contains("Generated files are up to date");
    assertThat(oneFile.output()).contains("Generated files are up to date");
  }

  @Test
  void theBomPinsTheProtobufAndGrpcVersionsTheBuildItselfUses() throws IOException {
    String parent = Files.readString(HostProjects.ROOT.resolve("pom.xml"));
    String bom = Files.readString(HostProjects.ROOT.resolve("bom/pom.xml"));

    for (String property : List.of("protobuf.version", "grpc.version")) {
      assertThat(property(bom, property)).as(property).isEqualTo(property(parent, property));
    }
    assertThat(property(bom, "version")).isEqualTo(property(parent, "version"));
  }

  private static String property(String pom, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(pom);
    if (!m.find()) {
      throw new AssertionError("no <" + name + "> in the pom");
    }
    return m.group(1);
  }
}
