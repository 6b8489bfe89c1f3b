package dev.pyplugins.sample.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Runs statements with positional parameters ({@code ?}): Strings, numbers, booleans and byte arrays.
 * {@link Database} runs each statement on its own (auto-commit); inside {@link Database#transaction} they
 * share one transaction. SQL failures surface as {@link DataAccessException}.
 */
public interface Sql {

  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Every row the query returns, mapped. */
  <T> List<T> query(String sql, RowMapper<T> mapper, Object... params);

  /** The number of rows the statement changed. */
  int update(String sql, Object... params);

  /** The first row, if any. */
  default <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
    List<T> rows = query(sql, mapper, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** The first column of the first row as a long (a count), 0 when there is no row. */
  default long queryLong(String sql, Object... params) {
    return queryOne(sql, row -> row.getLong(1), params).orElse(0L);
  }
}
