package dev.pyplugins.sample.db;

import java.sql.SQLException;

/** A database failure the caller cannot correct: the API answers it as an internal error (500). */
public final class DataAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataAccessException(String what, SQLException cause) {
    super(what + ": " + cause.getMessage(), cause);
  }

  /** Whether the statement broke a unique or primary key (SQLSTATE 23505 on H2 and PostgreSQL alike). */
  public boolean isUniqueViolation() {
    return getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState());
  }
}
