package dev.pyplugins.sample;

import dev.pyplugins.sample.db.Database;

/** Turns the failures a person meets first into one sentence with the fix, without library internals. */
final class StartupProblems {
  private StartupProblems() {
  }

  /** Opens the database, or says why not: another process holds it, or what the driver said at its root. */
  static Database openDatabase(HostOptions options) {
    String url = options.effectiveJdbcUrl().replaceAll("[?;].*", "");
    try {
      return Database.open(options.effectiveJdbcUrl(), options.dbUser(), options.dbPassword());
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String text = String.valueOf(root.getMessage());
      if (text.contains("already in use") || text.contains("file is locked")
          || text.contains("Locked by another process")) {
        throw new HostStartupException("the database " + url + " is in use by another process (another sample "
            + "host holds it); stop that one, or give this one its own --data-dir", e);
      }
      throw new HostStartupException("cannot open the database " + url + ": " + firstLine(text), e);
    }
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    return line.replaceAll("\\s*\\[[0-9./-]+]$", ""); // H2 appends its version and error code
  }
}
