package dev.pyplugins.sample.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PostgreSQL server the tests run on, one per test JVM: the one {@code -Dsample.postgres.url=...}
 * names (a scratch database: its tables are emptied), or else a throwaway cluster of the machine's
 * PostgreSQL (Debian's package {@code postgresql}; .ci/run installs it) made with initdb in a temporary
 * directory, started with pg_ctl on a free loopback port and stopped with the JVM. PostgreSQL refuses to
 * run as root, so as root the cluster runs as the {@code postgres} user the package creates.
 * Without either the tests fail, saying how to get one: they never skip.
 */
public final class TestPostgres {
  /** How the server is reached; the password (or null) never goes into the URL. */
  public record Server(String url, String user, String password) {
  }

  private static final String HOW = "the PostgreSQL tests need a PostgreSQL server: install Debian's package "
      + "(apt-get install postgresql; .ci/run does), or point at one with -Dsample.postgres.bin=DIR (its initdb "
      + "and pg_ctl) or -Dsample.postgres.url=jdbc:postgresql://HOST/DB?user=U&password=P (a scratch database)";
  private static final Pattern CREDENTIAL = Pattern.compile("[?&](user|password)=([^&]*)");
  private static Server server;

  private TestPostgres() {
  }

  /** The server, started on first use. */
  public static synchronized Server server() {
    if (server == null) {
      String url = System.getProperty("sample.postgres.url", "");
      server = url.isEmpty() ? startCluster() : given(url);
    }
    return server;
  }

  private static Server given(String url) {
    String user = null;
    String password = null;
    Matcher m = CREDENTIAL.matcher(url);
    while (m.find()) {
      if (m.group(1).equals("user")) {
        user = m.group(2);
      } else {
        password = m.group(2);
      }
    }
    String bare = CREDENTIAL.matcher(url).replaceAll("").replaceFirst("^([^?]*)&", "$1?");
    return new Server(bare, user, password);
  }

  private static Server startCluster() {
    Path bin = binDirectory().orElseThrow(() -> new IllegalStateException(HOW + " (no initdb found)"));
    try {
      Path dir = Files.createTempDirectory("sample-host-postgres");
      List<String> as = new ArrayList<>();
      if ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0) {
        UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(dir, postgres);
        as.addAll(List.of("runuser", "-u", "postgres", "--"));
      }
      Path data = dir.resolve("data");
      int port = freePort();
      run(as, bin.resolve("initdb"), "-D", data.toString(), "-U", "sample", "-A", "trust", "-E", "UTF8",
          "--no-locale", "--no-sync");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(as, bin, dir), "test-postgres-stop"));
      run(as, bin.resolve("pg_ctl"), "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w",
          "-t", "180", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start");
      return new Server("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "sample", null);
    } catch (IOException e) {
      throw new UncheckedIOException(HOW + " (starting one failed)", e);
    }
  }

  /** {@code sample.postgres.bin}, else initdb on the PATH, else Debian's newest /usr/lib/postgresql/N/bin. */
  private static Optional<Path> binDirectory() {
    String given = System.getProperty("sample.postgres.bin", "");
    if (!given.isEmpty()) {
      return Optional.of(Path.of(given)).filter(d -> Files.isExecutable(d.resolve("initdb")));
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "initdb"))) {
        return Optional.of(Path.of(dir));
      }
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(debian)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(debian)) {
      return versions.map(v -> v.resolve("bin")).filter(d -> Files.isExecutable(d.resolve("initdb")))
          .max(Comparator.comparingInt(TestPostgres::version));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int version(Path bin) {
    String name = bin.getParent().getFileName().toString();
    return name.matches("\\d+") ? Integer.parseInt(name) : 0;
  }

  private static void stop(List<String> as, Path bin, Path dir) {
    try {
      run(as, bin.resolve("pg_ctl"), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    } catch (RuntimeException | IOException e) {
      System.err.println("test PostgreSQL in " + dir + " did not stop: " + e.getMessage());
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary directory: left for the OS
    }
  }

  private static void run(List<String> as, Path program, String... args) throws IOException {
    List<String> command = new ArrayList<>(as);
    command.add(program.toString());
    command.addAll(List.of(args));
    // The cluster's directory, not the build's, which the postgres user may not be allowed into.
    Process process = new ProcessBuilder(command).directory(new java.io.File("/")).redirectErrorStream(true).start();
    String output;
    try {
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(HOW + ": " + command + " did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(HOW + ": " + String.join(" ", command) + " exited " + process.exitValue()
          + ":\n" + output);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
