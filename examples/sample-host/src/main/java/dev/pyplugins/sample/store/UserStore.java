package dev.pyplugins.sample.store;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.protocol.v1.UserGetOptions;
import dev.pyplugins.sample.db.DataAccessException;
import dev.pyplugins.sample.db.Ids;
import dev.pyplugins.sample.db.ProtoJson;
import dev.pyplugins.sample.db.Rows;
import dev.pyplugins.sample.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Users, bots' users included (table {@code users}). */
public final class UserStore {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
  private static final String SELECT = "SELECT data FROM users ";

  private final Sql sql;

  public UserStore(Sql sql) {
    this.sql = sql;
  }

  /** Saves a new user with a new id; username (lowercased) and email must be unique. The password is not kept. */
  public User create(User user) {
    return create(sql, user);
  }

  /** {@link #create(User)} on {@code tx}, for callers that create more in the same transaction. */
  public User create(Sql tx, User user) {
    long now = System.currentTimeMillis();
    User saved = validated(user.toBuilder().setId(Ids.newId()).setCreateAt(now).setUpdateAt(now).setDeleteAt(0)
        .setRoles(user.getRoles().isEmpty() ? "system_user" : user.getRoles()).clearPassword().build());
    try {
      tx.update("INSERT INTO users (id, username, email, delete_at, data) VALUES (?, ?, ?, ?, ?)",
          saved.getId(), saved.getUsername(), saved.getEmail(), saved.getDeleteAt(), ProtoJson.write(saved));
    } catch (DataAccessException e) {
      throw e.isUniqueViolation() ? taken(saved) : e;
    }
    return saved;
  }

  public Optional<User> find(String id) {
    return sql.queryOne(SELECT + "WHERE id = ?", UserStore::map, id);
  }

  public User get(String id) {
    return find(id).orElseThrow(() -> AppErrorException.notFound("app.user.missing_account.const",
        "No user with id '" + id + "'."));
  }

  public User getByUsername(String username) {
    return sql.queryOne(SELECT + "WHERE username = ?", UserStore::map, username.toLowerCase(Locale.ROOT))
        .orElseThrow(() -> AppErrorException.notFound("app.user.missing_account.const",
            "No user with username '" + username + "'."));
  }

  public User getByEmail(String email) {
    return sql.queryOne(SELECT + "WHERE email = ?", UserStore::map, email.toLowerCase(Locale.ROOT))
        .orElseThrow(() -> AppErrorException.notFound("app.user.missing_account.const",
            "No user with email '" + email + "'."));
  }

  /** The users among {@code ids} that exist, ordered by username. */
  public List<User> getByIds(List<String> ids) {
    return ids.isEmpty() ? List.of() : sql.query(SELECT + "WHERE id IN (" + Rows.placeholders(ids.size())
        + ") ORDER BY username", UserStore::map, ids.toArray());
  }

  /** The users among {@code usernames} that exist, ordered by username. */
  public List<User> getByUsernames(List<String> usernames) {
    List<String> lower = usernames.stream().map(u -> u.toLowerCase(Locale.ROOT)).toList();
    return lower.isEmpty() ? List.of() : sql.query(SELECT + "WHERE username IN ("
        + Rows.placeholders(lower.size()) + ") ORDER BY username", UserStore::map, lower.toArray());
  }

  /**
   * A page of users ordered by username, filtered by team or channel membership and by activity
   * (the other options of Mattermost's UserGetOptions are not supported and are ignored).
   */
  public List<User> list(UserGetOptions options) {
    StringBuilder where = new StringBuilder("WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!options.getInTeamId().isEmpty()) {
      where.append(" AND id IN (SELECT user_id FROM team_members WHERE team_id = ? AND delete_at = 0)");
      params.add(options.getInTeamId());
    }
    if (!options.getInChannelId().isEmpty()) {
      where.append(" AND id IN (SELECT user_id FROM channel_members WHERE channel_id = ?)");
      params.add(options.getInChannelId());
    }
    if (options.getActive()) {
      where.append(" AND delete_at = 0");
    } else if (options.getInactive()) {
      where.append(" AND delete_at <> 0");
    }
    int perPage = options.getPerPage() == 0 ? 60 : (int) options.getPerPage();
    return sql.query(SELECT + where + " ORDER BY username LIMIT ? OFFSET ?", UserStore::map,
        Rows.params(params, perPage, Rows.offset((int) options.getPage(), perPage)));
  }

  /** Replaces a user's fields; id and create_at stay, update_at moves on. */
  public User update(User user) {
    User current = get(user.getId());
    User saved = validated(user.toBuilder().setCreateAt(current.getCreateAt())
        .setUpdateAt(System.currentTimeMillis()).clearPassword().build());
    try {
      sql.update("UPDATE users SET username = ?, email = ?, delete_at = ?, data = ? WHERE id = ?",
          saved.getUsername(), saved.getEmail(), saved.getDeleteAt(), ProtoJson.write(saved), saved.getId());
    } catch (DataAccessException e) {
      throw e.isUniqueViolation() ? taken(saved) : e;
    }
    return saved;
  }

  /** Deactivates ({@code active} false: delete_at = now) or reactivates a user. */
  public User setActive(String id, boolean active) {
    User user = get(id);
    long deleteAt = active ? 0 : System.currentTimeMillis();
    return update(user.toBuilder().setDeleteAt(deleteAt).build());
  }

  /** Removes the row for good (bots only: a user's posts would point nowhere). */
  public void deletePermanently(Sql tx, String id) {
    tx.update("DELETE FROM users WHERE id = ?", id);
  }

  private static User validated(User user) {
    String username = user.getUsername().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(username).matches()) {
      throw AppErrorException.badRequest("model.user.is_valid.username.app_error", "Username '"
          + user.getUsername() + "' must be 3 to 64 characters: letters, digits, '.', '-' or '_', not first.");
    }
    String email = user.getEmail().toLowerCase(Locale.ROOT);
    if (email.isEmpty()) {
      email = username + "@localhost"; // bots and quick test users need no real address
    } else if (!email.contains("@")) {
      throw AppErrorException.badRequest("model.user.is_valid.email.app_error", "Invalid email '"
          + user.getEmail() + "'.");
    }
    return user.toBuilder().setUsername(username).setEmail(email).build();
  }

  private static AppErrorException taken(User user) {
    return AppErrorException.badRequest("app.user.save.username_exists.app_error",
        "A user with username '" + user.getUsername() + "' or email '" + user.getEmail() + "' already exists.");
  }

  static User map(ResultSet row) throws SQLException {
    return ProtoJson.merge(row.getString("data"), User.newBuilder()).build();
  }
}
