package dev.pyplugins.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The sample host's command line, parsed into one immutable object.
 *
 * @param host the address to listen on (default 127.0.0.1: the sample host has no authentication)
 * @param port the HTTP port (default 8065, Mattermost's)
 * @param dataDir where the default H2 database lives (default ./data)
 * @param jdbcUrl the database; default an H2 file in {@code dataDir}
 * @param dbUser the database user, or null
 * @param dbPassword the database password, or null
 * @param pluginsDir one sub-directory per plugin, each with a plugin.json (default ./plugins)
 * @param tour run the scripted tour once the plugins are up
 * @param exitAfterTour stop after the tour instead of serving on
 */
public record HostOptions(String host, int port, Path dataDir, String jdbcUrl, String dbUser, String dbPassword,
    Path pluginsDir, boolean tour, boolean exitAfterTour) {

  public static final String USAGE = """
      usage: sample-host [options]
        --host ADDRESS         listen address (default 127.0.0.1)
        --port N               HTTP port (default 8065; 0 picks a free one)
        --data-dir DIR         where the H2 database lives (default ./data)
        --jdbc-url URL         another database, e.g. jdbc:postgresql://localhost/sample
        --db-user USER, --db-password PASSWORD
        --plugins-dir DIR      one sub-directory per plugin (default ./plugins)
        --tour                 run a short scripted tour once the plugins are up
        --exit-after-tour      stop after the tour (implies --tour)
        --help""";

  /** The database URL to use: {@code jdbcUrl}, or the default H2 file in the data directory. */
  public String effectiveJdbcUrl() {
    return jdbcUrl != null ? jdbcUrl
        : "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("sample-host");
  }

  /**
   * Parses {@code args}.
   *
   * @throws IllegalArgumentException naming the problem, for an unknown option or a bad value
   */
  public static HostOptions parse(String... args) {
    String host = "127.0.0.1";
    int port = 8065;
    Path dataDir = Path.of("data");
    String jdbcUrl = null;
    String dbUser = null;
    String dbPassword = null;
    Path pluginsDir = Path.of("plugins");
    boolean tour = false;
    boolean exitAfterTour = false;
    List<String> problems = new ArrayList<>();
    for (Iterator<String> it = List.of(args).iterator(); it.hasNext(); ) {
      String option = it.next();
      switch (option) {
        case "--host" -> host = value(option, it);
        case "--port" -> port = port(value(option, it));
        case "--data-dir" -> dataDir = Path.of(value(option, it));
        case "--jdbc-url" -> jdbcUrl = value(option, it);
        case "--db-user" -> dbUser = value(option, it);
        case "--db-password" -> dbPassword = value(option, it);
        case "--plugins-dir" -> pluginsDir = Path.of(value(option, it));
        case "--tour" -> tour = true;
        case "--exit-after-tour" -> {
          tour = true;
          exitAfterTour = true;
        }
        default -> problems.add("unknown option " + option);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new HostOptions(host, port, dataDir, jdbcUrl, dbUser, dbPassword, pluginsDir, tour, exitAfterTour);
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
