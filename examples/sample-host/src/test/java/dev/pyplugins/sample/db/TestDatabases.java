package dev.pyplugins.sample.db;

import java.util.List;
import java.util.UUID;

/**
 * The databases the store tests run on: a fresh in-memory H2, and PostgreSQL ({@link TestPostgres}: a
 * throwaway server of the machine's PostgreSQL, or the one {@code -Dsample.postgres.url} names). Both
 * always: without PostgreSQL its cases fail, saying how to get it.
 */
public final class TestDatabases {
  private static final List<String> TABLES = List.of("users", "teams", "team_members", "channels",
      "channel_members", "posts", "reactions", "plugin_kv", "bots", "preferences", "plugin_configs",
      "user_passwords", "sessions");

  private TestDatabases() {
  }

  /** A new, empty in-memory H2 database. */
  public static Database h2() {
    return Database.open("jdbc:h2:mem:sample-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
  }

  /** The names of the databases to test on, for a parameterized test. */
  public static List<String> names() {
    return List.of("h2", "postgres");
  }

  /** A new, empty database of that kind. */
  public static Database open(String name) {
    if (name.equals("h2")) {
      return h2();
    }
    TestPostgres.Server server = TestPostgres.server();
    Database database = Database.open(server.url(), server.user(), server.password());
    for (String table : TABLES) {
      database.update("DELETE FROM " + table);
    }
    return database;
  }
}
