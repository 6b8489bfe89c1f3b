package dev.pyplugins.sample.auth;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.sample.db.Sql;
import java.util.Optional;

/** Users' password hashes (table {@code user_passwords}). */
public final class Credentials {
  private final Sql sql;
  private final Passwords passwords;

  public Credentials(Sql sql, Passwords passwords) {
    this.sql = sql;
    this.passwords = passwords;
  }

  /**
   * Sets the user's password (hashed); Mattermost's length rule applies.
   *
   * @throws AppErrorException 400 for a password that is too short or too long
   */
  public void setPassword(String userId, String password) {
    checkLength(password);
    String hash = passwords.hash(password);
    if (sql.update("UPDATE user_passwords SET hash = ? WHERE user_id = ?", hash, userId) == 0) {
      sql.update("INSERT INTO user_passwords (user_id, hash) VALUES (?, ?)", userId, hash);
    }
  }

  /** @throws AppErrorException 400 for a password that is too short or too long */
  public static void checkLength(String password) {
    int length = password.codePointCount(0, password.length());
    if (length < Passwords.MIN_LENGTH || length > Passwords.MAX_LENGTH) {
      throw AppErrorException.badRequest("model.user.is_valid.pwd.app_error", "A password must be "
          + Passwords.MIN_LENGTH + " to " + Passwords.MAX_LENGTH + " characters long, was " + length + ".");
    }
  }

  /** Whether the user has a password and {@code password} is it. */
  public boolean matches(String userId, String password) {
    Optional<String> hash = sql.queryOne("SELECT hash FROM user_passwords WHERE user_id = ?", r -> r.getString(1),
        userId);
    return hash.isPresent() && passwords.verify(password, hash.get());
  }
}
