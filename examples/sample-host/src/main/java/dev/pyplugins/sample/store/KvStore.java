package dev.pyplugins.sample.store;

import com.google.protobuf.ByteString;
import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.PluginKVSetOptions;
import dev.pyplugins.sample.db.DataAccessException;
import dev.pyplugins.sample.db.Rows;
import dev.pyplugins.sample.db.Sql;
import java.time.Clock;
import java.util.List;

/**
 * Each plugin's key-value store (table {@code plugin_kv}), with Mattermost's semantics: an empty value
 * means no value (setting it deletes the key; reading a missing key gives it), keys may expire, and
 * compare-and-set is atomic (one conditional statement, so it holds across threads and hosts sharing the
 * database). Every method takes the plugin id: one plugin never sees another's keys.
 */
public final class KvStore {
  /** Mattermost's limit on a key's length. */
  public static final int MAX_KEY_LENGTH = 150;

  private final Sql sql;
  private final Clock clock;

  public KvStore(Sql sql, Clock clock) {
    this.sql = sql;
    this.clock = clock;
  }

  /** Stores {@code value} under {@code key} (deletes the key when {@code value} is empty). */
  public void set(String pluginId, String key, ByteString value) {
    setWithOptions(pluginId, key, value, PluginKVSetOptions.getDefaultInstance());
  }

  /** The value, empty when the key is missing or expired. */
  public ByteString get(String pluginId, String key) {
    checkKey(key);
    return sql.queryOne("SELECT pvalue FROM plugin_kv WHERE plugin_id = ? AND pkey = ? AND " + live(),
        row -> ByteString.copyFrom(row.getBytes(1)), pluginId, key, now()).orElse(ByteString.EMPTY);
  }

  public void delete(String pluginId, String key) {
    checkKey(key);
    sql.update("DELETE FROM plugin_kv WHERE plugin_id = ? AND pkey = ?", pluginId, key);
  }

  public void deleteAll(String pluginId) {
    sql.update("DELETE FROM plugin_kv WHERE plugin_id = ?", pluginId);
  }

  /** A page of the plugin's live keys, in key order. */
  public List<String> list(String pluginId, int page, int perPage) {
    return sql.query("SELECT pkey FROM plugin_kv WHERE plugin_id = ? AND " + live()
        + " ORDER BY pkey LIMIT ? OFFSET ?", row -> row.getString(1), pluginId, now(), perPage,
        Rows.offset(page, perPage));
  }

  /**
   * Mattermost's KVSetWithOptions. Not atomic: stores (or, for an empty value, deletes) and returns true.
   * Atomic: writes only if the current value equals {@code options.old_value} (unset: the key must be
   * missing) and returns whether it did; an empty value then deletes on that condition.
   * {@code expire_in_seconds} > 0 makes the key expire.
   */
  public boolean setWithOptions(String pluginId, String key, ByteString value, PluginKVSetOptions options) {
    checkKey(key);
    if (options.getExpireInSeconds() < 0) {
      throw AppErrorException.badRequest("model.plugin_kvset_options.is_valid.expire_in_seconds.app_error",
          "expire_in_seconds must not be negative, was " + options.getExpireInSeconds() + ".");
    }
    if (!options.getAtomic() && options.hasOldValue()) {
      throw AppErrorException.badRequest("model.plugin_kvset_options.is_valid.old_value.app_error",
          "old_value is only used with atomic set.");
    }
    long expireAt = options.getExpireInSeconds() == 0 ? 0 : now() + options.getExpireInSeconds() * 1000;
    sql.update("DELETE FROM plugin_kv WHERE plugin_id = ? AND pkey = ? AND NOT " + live(), pluginId, key, now());
    boolean expectsNothing = !options.hasOldValue() || options.getOldValue().isEmpty();
    if (!options.getAtomic()) {
      if (value.isEmpty()) {
        delete(pluginId, key);
      } else {
        upsert(pluginId, key, value, expireAt);
      }
      return true;
    }
    if (value.isEmpty()) {
      return expectsNothing ? get(pluginId, key).isEmpty() : compareAndDelete(pluginId, key, options.getOldValue());
    }
    if (expectsNothing) {
      return insert(pluginId, key, value, expireAt);
    }
    return sql.update("UPDATE plugin_kv SET pvalue = ?, expire_at = ? WHERE plugin_id = ? AND pkey = ? "
        + "AND pvalue = ?", value.toByteArray(), expireAt, pluginId, key, options.getOldValue().toByteArray()) == 1;
  }

  /** Stores {@code value} for {@code seconds} (0: for ever). */
  public void setWithExpiry(String pluginId, String key, ByteString value, long seconds) {
    setWithOptions(pluginId, key, value, PluginKVSetOptions.newBuilder().setExpireInSeconds(seconds).build());
  }

  /** Replaces {@code oldValue} (empty: no value) with {@code newValue}; whether it did. */
  public boolean compareAndSet(String pluginId, String key, ByteString oldValue, ByteString newValue) {
    PluginKVSetOptions.Builder options = PluginKVSetOptions.newBuilder().setAtomic(true);
    if (!oldValue.isEmpty()) {
      options.setOldValue(oldValue);
    }
    return setWithOptions(pluginId, key, newValue, options.build());
  }

  /** Deletes the key if its value is {@code oldValue}; whether it did. */
  public boolean compareAndDelete(String pluginId, String key, ByteString oldValue) {
    checkKey(key);
    return sql.update("DELETE FROM plugin_kv WHERE plugin_id = ? AND pkey = ? AND pvalue = ? AND " + live(),
        pluginId, key, oldValue.toByteArray(), now()) == 1;
  }

  /** Stores the value whether or not the key exists; of two concurrent writers, the last one wins. */
  private void upsert(String pluginId, String key, ByteString value, long expireAt) {
    String update = "UPDATE plugin_kv SET pvalue = ?, expire_at = ? WHERE plugin_id = ? AND pkey = ?";
    if (sql.update(update, value.toByteArray(), expireAt, pluginId, key) == 0 && !insert(pluginId, key, value,
        expireAt)) {
      sql.update(update, value.toByteArray(), expireAt, pluginId, key); // inserted by another call just now
    }
  }

  /** Inserts a new key; false when it exists (the primary key decides, so concurrent callers cannot both win). */
  private boolean insert(String pluginId, String key, ByteString value, long expireAt) {
    try {
      return sql.update("INSERT INTO plugin_kv (plugin_id, pkey, pvalue, expire_at) VALUES (?, ?, ?, ?)", pluginId,
          key, value.toByteArray(), expireAt) == 1;
    } catch (DataAccessException e) {
      if (e.isUniqueViolation()) {
        return false;
      }
      throw e;
    }
  }

  /** The condition that a row has not expired; its parameter is the current time. */
  private static String live() {
    return "(expire_at = 0 OR expire_at > ?)";
  }

  private long now() {
    return clock.millis();
  }

  private static void checkKey(String key) {
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw AppErrorException.badRequest("app.plugin_store.key.invalid", "A key must be 1 to " + MAX_KEY_LENGTH
          + " characters long, was " + key.length() + ".");
    }
  }
}
