package dev.pyplugins.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The sample host's command line, parsed into one immutable object.
 *
 * @param host the address to listen on (default 127.0.0.1)
 * @param port the HTTP port (default 8065, Mattermost's)
 * @param dataDir where the default H2 database and the demo login live (default ./data, made 0700)
 * @param jdbcUrl the database; default an H2 file in {@code dataDir}
 * @param dbUser the database user, or null
 * @param dbPassword the database password (from a file or the environment, never the command line), or null
 * @param pluginsDir one sub-directory per plugin, each with a plugin.json (default ./plugins)
 * @param tour run the scripted tour once the plugins are up
 * @param exitAfterTour stop after the tour instead of serving on
 * @param allowedHosts names the host answers to besides localhost and its listen address
 * @param wheelDir the SDK wheel's directory, to make the venv of an installed plugin; null: installs get none
 */
public record HostOptions(String host, int port, Path dataDir, String jdbcUrl, String dbUser, String dbPassword,
    Path pluginsDir, boolean tour, boolean exitAfterTour, List<String> allowedHosts, Path wheelDir) {

  /** Where a database password may come from instead of the command line. */
  public static final String DB_PASSWORD_ENV = "SAMPLE_HOST_DB_PASSWORD";

  public static final String USAGE = """
      usage: sample-host [options]
        --host ADDRESS         listen address (default 127.0.0.1)
        --port N               HTTP port (default 8065; 0 picks a free one)
        --allowed-host NAME    another name clients reach the host by (repeatable; localhost always works)
        --data-dir DIR         where the H2 database and the demo login live (default ./data)
        --jdbc-url URL         another database, e.g. jdbc:postgresql://localhost/sample
        --db-user USER
        --db-password-file F   the database password, read from a file (or set SAMPLE_HOST_DB_PASSWORD)
        --plugins-dir DIR      one sub-directory per plugin (default ./plugins)
        --wheel-dir DIR        the SDK wheel, to make installed plugins' venvs (with DIR/../make_venv.py or
                               the plugins directory's make_venv.py)
        --tour                 run a short scripted tour once the plugins are up
        --exit-after-tour      stop after the tour (implies --tour)
        --help""";

  /** The options of a host on localhost with an H2 database in {@code dataDir}. */
  public static HostOptions local(Path dataDir, Path pluginsDir, int port) {
    return new HostOptions("127.0.0.1", port, dataDir, null, null, null, pluginsDir, false, false, List.of(), null);
  }

  /** The database URL to use: {@code jdbcUrl}, or the default H2 file in the data directory. */
  public String effectiveJdbcUrl() {
    return jdbcUrl != null ? jdbcUrl
        : "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("sample-host");
  }

  public static HostOptions parse(String... args) {
    return parse(System.getenv(), args);
  }

  /**
   * Parses {@code args}; the database password may come from {@code env}.
   *
   * @throws IllegalArgumentException naming the problem, for an unknown option or a bad value
   */
  public static HostOptions parse(Map<String, String> env, String... args) {
    String host = "127.0.0.1";
    int port = 8065;
    Path dataDir = Path.of("data");
    String jdbcUrl = null;
    String dbUser = null;
    String dbPassword = env.get(DB_PASSWORD_ENV);
    Path pluginsDir = Path.of("plugins");
    Path wheelDir = null;
    boolean tour = false;
    boolean exitAfterTour = false;
    List<String> allowedHosts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Iterator<String> it = List.of(args).iterator(); it.hasNext(); ) {
      String option = it.next();
      switch (option) {
        case "--host" -> host = value(option, it);
        case "--port" -> port = port(value(option, it));
        case "--allowed-host" -> allowedHosts.add(value(option, it));
        case "--data-dir" -> dataDir = Path.of(value(option, it));
        case "--jdbc-url" -> jdbcUrl = value(option, it);
        case "--db-user" -> dbUser = value(option, it);
        case "--db-password" -> {
          value(option, it); // passed over: the password must not reach a message either
          problems.add("--db-password is not taken on the command line (every local user sees it in the process "
              + "list); use --db-password-file FILE or set " + DB_PASSWORD_ENV);
        }
        case "--db-password-file" -> dbPassword = readPassword(Path.of(value(option, it)));
        case "--plugins-dir" -> pluginsDir = Path.of(value(option, it));
        case "--wheel-dir" -> wheelDir = Path.of(value(option, it));
        case "--tour" -> tour = true;
        case "--exit-after-tour" -> {
          tour = true;
          exitAfterTour = true;
        }
        default -> problems.add("unknown option " + option);
      }
    }
    if (jdbcUrl != null && jdbcUrl.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
      problems.add("--jdbc-url must not hold the password (every local user sees it in the process list); use "
          + "--db-password-file FILE or set " + DB_PASSWORD_ENV);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new HostOptions(host, port, dataDir, jdbcUrl, dbUser, dbPassword, pluginsDir, tour, exitAfterTour,
        List.copyOf(allowedHosts), wheelDir);
  }

  private static String readPassword(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new IllegalArgumentException("--db-password-file " + file + " cannot be read: " + e.getMessage());
    }
  }

  private static String value(String option, Iterator<String> it) {
    if (!it.hasNext()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return it.next();
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--port must be a number from 0 to 65535, was '" + text + "'");
  }
}
