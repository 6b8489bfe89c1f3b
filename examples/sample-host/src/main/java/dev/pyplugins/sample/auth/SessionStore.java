package dev.pyplugins.sample.auth;

import dev.pyplugins.protocol.v1.Session;
import dev.pyplugins.sample.db.Ids;
import dev.pyplugins.sample.db.ProtoJson;
import dev.pyplugins.sample.db.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Login sessions (table {@code sessions}). A session's token is 160 random bits; the table keeps only its
 * SHA-256, so the token exists in the client and in the answer to the login alone. Thread-safe.
 */
public final class SessionStore {
  private static final char[] ALPHABET = "ybndrfg8ejkmcpqxot1uwisza345h769".toCharArray();

  private final Sql sql;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public SessionStore(Sql sql, Clock clock) {
    this.sql = sql;
    this.clock = clock;
  }

  /** A new session of {@code userId}, valid for {@code ttl}, with its token and a CSRF token in its props. */
  public Session create(String userId, String roles, Duration ttl) {
    long now = clock.millis();
    Session session = Session.newBuilder().setId(Ids.newId()).setToken(randomToken()).setUserId(userId)
        .setRoles(roles).setCreateAt(now).setLastActivityAt(now).setExpiresAt(now + ttl.toMillis())
        .putProps("csrf", randomToken()).putProps("platform", "sample-host").build();
    sql.update("INSERT INTO sessions (id, token_hash, user_id, expires_at, data) VALUES (?, ?, ?, ?, ?)",
        session.getId(), digest(session.getToken()), userId, session.getExpiresAt(),
        ProtoJson.write(session.toBuilder().clearToken()));
    return session;
  }

  /** The live session that {@code token} opens (with the token filled in); expired ones are removed. */
  public Optional<Session> findByToken(String token) {
    if (token == null || token.isEmpty() || token.length() > 128) {
      return Optional.empty();
    }
    Optional<Session> found = sql.queryOne("SELECT data FROM sessions WHERE token_hash = ?",
        row -> ProtoJson.merge(row.getString(1), Session.newBuilder()).setToken(token).build(), digest(token));
    if (found.isPresent() && found.get().getExpiresAt() <= clock.millis()) {
      revoke(found.get().getId());
      return Optional.empty();
    }
    return found;
  }

  public void revoke(String sessionId) {
    sql.update("DELETE FROM sessions WHERE id = ?", sessionId);
  }

  /** Ends every session of a user (deactivated, password changed). */
  public void revokeAll(String userId) {
    sql.update("DELETE FROM sessions WHERE user_id = ?", userId);
  }

  private String randomToken() {
    byte[] bytes = new byte[20];
    random.nextBytes(bytes);
    StringBuilder token = new StringBuilder(32);
    for (int i = 0; i < bytes.length; i += 5) {
      long chunk = 0;
      for (int j = 0; j < 5; j++) {
        chunk = (chunk << 8) | (bytes[i + j] & 0xff);
      }
      for (int shift = 35; shift >= 0; shift -= 5) {
        token.append(ALPHABET[(int) (chunk >>> shift) & 31]);
      }
    }
    return token.toString();
  }

  private static String digest(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
