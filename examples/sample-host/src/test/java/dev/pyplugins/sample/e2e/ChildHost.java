package dev.pyplugins.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sample host in a JVM of its own ({@code SampleHostMain}, as {@code bin/sample-host} runs it), for what
 * one JVM cannot show: a kill -9 of the host. Its output goes to {@code host-N.log} beside its data.
 */
final class ChildHost implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("Open (http://\\S+)/ and log in");
  private static int started;

  private final Process process;
  private final URI uri;
  private final Path log;

  private ChildHost(Process process, URI uri, Path log) {
    this.process = process;
    this.uri = uri;
    this.log = log;
  }

  /**
   * Starts a host on a free port with its data in {@code dataDir} and no plugins, and waits (up to three
   * minutes, for a loaded machine) until it serves.
   *
   * @param database more options, e.g. {@code --jdbc-url URL --db-user U}; none: H2 in {@code dataDir}
   * @param env more environment, e.g. the database password
   */
  static ChildHost start(Path dataDir, List<String> database, Map<String, String> env) throws Exception {
    Path plugins = Files.createDirectories(dataDir.resolveSibling("no-plugins"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", "target/classes" + File.pathSeparator
            + Files.readString(Path.of("target/classpath.txt")).strip(), "dev.pyplugins.sample.SampleHostMain",
        "--port", "0", "--data-dir", dataDir.toString(), "--plugins-dir", plugins.toString()));
    command.addAll(database);
    Path log = dataDir.resolveSibling("host-" + (++started) + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    CompletableFuture<URI> serving = new CompletableFuture<>();
    Thread pump = new Thread(() -> pump(process, log, serving), "child-host-output");
    pump.setDaemon(true);
    pump.start();
    try {
      return new ChildHost(process, serving.get(3, TimeUnit.MINUTES), log);
    } catch (Exception e) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the host did not start: " + e + "\n" + Files.readString(log), e);
    }
  }

  private static void pump(Process process, Path log, CompletableFuture<URI> serving) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.println(line);
        Matcher m = SERVING.matcher(line);
        if (m.find()) {
          serving.complete(URI.create(m.group(1)));
        }
      }
      serving.completeExceptionally(new IllegalStateException("the host exited with " + process.waitFor()));
    } catch (IOException | InterruptedException e) {
      serving.completeExceptionally(e);
    }
  }

  URI uri() {
    return uri;
  }

  /** The seeded administrator's password, from the data directory's demo-login.properties. */
  static String adminPassword(Path dataDir) throws IOException {
    Properties saved = new Properties();
    try (var in = Files.newBufferedReader(dataDir.resolve("demo-login.properties"))) {
      saved.load(in);
    }
    return saved.getProperty("admin.password");
  }

  /** SIGKILL: no shutdown hook, no close, no flush; returns once the process is gone. */
  void kill9() throws InterruptedException {
    process.destroyForcibly(); // SIGKILL on Linux
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the killed host is gone").isTrue();
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
