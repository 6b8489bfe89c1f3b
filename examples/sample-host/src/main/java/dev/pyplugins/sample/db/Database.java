package dev.pyplugins.sample.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sample host's database: a connection pool over any JDBC URL, and the schema (created on open, so
 * a new database just works and an existing one keeps its data). The SQL is plain enough for H2 and
 * PostgreSQL alike. Thread-safe.
 */
public final class Database implements Sql, AutoCloseable {
  private static final String SCHEMA = "schema.sql";

  private final HikariDataSource pool;
  /** H2 on a file: each write is stored to the file before it returns (see {@link #open}). */
  private final boolean storeEachWrite;

  private Database(HikariDataSource pool, boolean storeEachWrite) {
    this.pool = pool;
    this.storeEachWrite = storeEachWrite;
  }

  /**
   * Connects to {@code jdbcUrl} (for example {@code jdbc:h2:file:./data/sample} or
   * {@code jdbc:postgresql://localhost/sample}) and creates the tables that are missing. A committed write
   * survives a kill -9 of the host: PostgreSQL's commit is durable by itself; H2 stores commits to its file
   * up to 500 ms later (WRITE_DELAY), and with WRITE_DELAY 0 still skips the store when another thread's
   * is in progress, so a write on an H2 file ends with a CHECKPOINT, which waits for the store (the data is
   * then in the OS's cache: it survives the process, not a power cut).
   *
   * @param user the database user, or null when the URL says it (H2 needs none)
   * @param password the password, or null
   */
  public static Database open(String jdbcUrl, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(8);
    config.setPoolName("sample-host-db");
    boolean h2File = jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:mem:");
    Database database = new Database(new HikariDataSource(config), h2File);
    try {
      database.createSchema();
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return database;
  }

  @Override
  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
    try (Connection connection = pool.getConnection()) {
      return query(connection, sql, mapper, params);
    } catch (SQLException e) {
      throw new DataAccessException(sql, e);
    }
  }

  @Override
  public int update(String sql, Object... params) {
    try (Connection connection = pool.getConnection()) {
      int count = update(connection, sql, params);
      stored(connection);
      return count;
    } catch (SQLException e) {
      throw new DataAccessException(sql, e);
    }
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws (the
   * exception then passes through).
   */
  public <T> T transaction(Function<Sql, T> work) {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.apply(new Sql() {
          @Override
          public <R> List<R> query(String sql, RowMapper<R> mapper, Object... params) {
            try {
              return Database.query(connection, sql, mapper, params);
            } catch (SQLException e) {
              throw new DataAccessException(sql, e);
            }
          }

          @Override
          public int update(String sql, Object... params) {
            try {
              return Database.update(connection, sql, params);
            } catch (SQLException e) {
              throw new DataAccessException(sql, e);
            }
          }
        });
        connection.commit();
        stored(connection);
        return result;
      } catch (RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new DataAccessException("transaction", e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  /** On an H2 file, returns once what is committed is in the file. */
  private void stored(Connection connection) throws SQLException {
    if (storeEachWrite) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CHECKPOINT");
      }
    }
  }

  private void createSchema() {
    String script;
    try (InputStream in = Database.class.getResourceAsStream(SCHEMA)) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SCHEMA, e);
    }
    String statements = script.lines().filter(line -> !line.strip().startsWith("--"))
        .collect(Collectors.joining("\n"));
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      for (String ddl : statements.split(";")) {
        if (!ddl.isBlank()) {
          statement.execute(ddl);
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("creating the schema", e);
    }
  }

  private static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, params); ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    }
  }

  private static int update(Connection connection, String sql, Object... params) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, params)) {
      return statement.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }
}
