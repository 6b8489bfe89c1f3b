package dev.pyplugins.sample.db;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The databases the store tests run on: a fresh in-memory H2 always, and PostgreSQL too when the system
 * property {@code sample.postgres.url} names one (a JDBC URL with user and password in it; every table is
 * emptied first, so use a scratch database).
 */
public final class TestDatabases {
  private TestDatabases() {
  }

  /** A new, empty in-memory H2 database. */
  public static Database h2() {
    return Database.open("jdbc:h2:mem:sample-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
  }

  /** The names of the databases to test on, for a parameterized test: "h2" and maybe "postgres". */
  public static List<String> names() {
    List<String> names = new ArrayList<>(List.of("h2"));
    if (!System.getProperty("sample.postgres.url", "").isEmpty()) {
      names.add("postgres");
    }
    return names;
  }

  /** A new, empty database of that kind. */
  public static Database open(String name) {
    if (name.equals("h2")) {
      return h2();
    }
    String url = System.getProperty("sample.postgres.url");
    Database database = Database.open(url, null, null);
    for (String table : List.of("users", "teams", "team_members", "channels", "channel_members", "posts",
        "reactions", "plugin_kv", "bots", "preferences", "plugin_configs")) {
      database.update("DELETE FROM " + table);
    }
    return database;
  }
}
