package dev.pyplugins.sample.store;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Bot;
import dev.pyplugins.protocol.v1.BotGetOptions;
import dev.pyplugins.protocol.v1.BotPatch;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.sample.db.Database;
import dev.pyplugins.sample.db.ProtoJson;
import dev.pyplugins.sample.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Bots (table {@code bots}). A bot is also a user with {@code is_bot} set, sharing its id: both rows are
 * written in one transaction. A bot's owner is the plugin (or user) id that created it.
 */
public final class BotStore {
  private final Database database;
  private final UserStore users;

  public BotStore(Database database, UserStore users) {
    this.database = database;
    this.users = users;
  }

  /** Creates the bot and its user; {@code bot.owner_id} defaults to {@code ownerId}. */
  public Bot create(Bot bot, String ownerId) {
    if (bot.getUsername().isEmpty()) {
      throw AppErrorException.badRequest("model.bot.is_valid.username.app_error", "A bot needs a username.");
    }
    return database.transaction(tx -> {
      User user = users.create(tx, User.newBuilder().setUsername(bot.getUsername()).setIsBot(true)
          .setFirstName(bot.getDisplayName()).setBotDescription(bot.getDescription()).build());
      Bot saved = bot.toBuilder().setUserId(user.getId()).setUsername(user.getUsername())
          .setOwnerId(bot.getOwnerId().isEmpty() ? ownerId : bot.getOwnerId()).setCreateAt(user.getCreateAt())
          .setUpdateAt(user.getCreateAt()).setDeleteAt(0).build();
      tx.update("INSERT INTO bots (user_id, owner_id, delete_at, data) VALUES (?, ?, ?, ?)", saved.getUserId(),
          saved.getOwnerId(), saved.getDeleteAt(), ProtoJson.write(saved));
      return saved;
    });
  }

  /**
   * The user id of the bot named {@code bot.username} owned by {@code ownerId}: reactivated and updated if it
   * exists, created otherwise (Mattermost's EnsureBotUser).
   */
  public String ensure(Bot bot, String ownerId) {
    Optional<Bot> existing = findByUsername(bot.getUsername());
    if (existing.isEmpty()) {
      return create(bot, ownerId).getUserId();
    }
    Bot found = existing.get();
    if (!found.getOwnerId().equals(ownerId)) {
      throw AppErrorException.forbidden("app.bot.ensure.owner", "Bot '" + bot.getUsername()
          + "' belongs to '" + found.getOwnerId() + "'.");
    }
    if (found.getDeleteAt() != 0) {
      setActive(found.getUserId(), true);
    }
    BotPatch.Builder patch = BotPatch.newBuilder();
    if (!bot.getDisplayName().isEmpty()) {
      patch.setDisplayName(bot.getDisplayName());
    }
    if (!bot.getDescription().isEmpty()) {
      patch.setDescription(bot.getDescription());
    }
    return patch(found.getUserId(), patch.build()).getUserId();
  }

  public Optional<Bot> find(String userId) {
    return database.queryOne("SELECT data FROM bots WHERE user_id = ?", BotStore::map, userId);
  }

  /** A bot; a deactivated one only with {@code includeDeleted}. */
  public Bot get(String userId, boolean includeDeleted) {
    return find(userId).filter(b -> includeDeleted || b.getDeleteAt() == 0).orElseThrow(() ->
        AppErrorException.notFound("store.sql_bot.get.missing.app_error", "No bot with user id '" + userId + "'."));
  }

  public Optional<Bot> findByUsername(String username) {
    return database.queryOne("SELECT b.data FROM bots b JOIN users u ON u.id = b.user_id WHERE u.username = ?",
        BotStore::map, username.toLowerCase(Locale.ROOT));
  }

  /** A page of bots by username: of one owner, active only unless asked, or those whose owner is no user. */
  public List<Bot> list(BotGetOptions options) {
    StringBuilder where = new StringBuilder("WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!options.getOwnerId().isEmpty()) {
      where.append(" AND b.owner_id = ?");
      params.add(options.getOwnerId());
    }
    if (!options.getIncludeDeleted()) {
      where.append(" AND b.delete_at = 0");
    }
    if (options.getOnlyOrphaned()) {
      where.append(" AND b.owner_id NOT IN (SELECT id FROM users)");
    }
    int perPage = options.getPerPage() == 0 ? 60 : (int) options.getPerPage();
    return database.query("SELECT b.data FROM bots b JOIN users u ON u.id = b.user_id " + where
        + " ORDER BY u.username LIMIT ? OFFSET ?", BotStore::map,
        Rows.params(params, perPage, Rows.offset((int) options.getPage(), perPage)));
  }

  /** Changes the fields the patch sets, on the bot and its user. */
  public Bot patch(String userId, BotPatch patch) {
    Bot bot = get(userId, true);
    Bot.Builder patched = bot.toBuilder().setUpdateAt(System.currentTimeMillis());
    User.Builder user = users.get(userId).toBuilder();
    if (patch.hasUsername()) {
      patched.setUsername(patch.getUsername());
      user.setUsername(patch.getUsername());
    }
    if (patch.hasDisplayName()) {
      patched.setDisplayName(patch.getDisplayName());
      user.setFirstName(patch.getDisplayName());
    }
    if (patch.hasDescription()) {
      patched.setDescription(patch.getDescription());
      user.setBotDescription(patch.getDescription());
    }
    User savedUser = users.update(user.build());
    return write(patched.setUsername(savedUser.getUsername()).build());
  }

  /** Deactivates or reactivates the bot and its user. */
  public Bot setActive(String userId, boolean active) {
    Bot bot = get(userId, true);
    users.setActive(userId, active);
    long now = System.currentTimeMillis();
    return write(bot.toBuilder().setDeleteAt(active ? 0 : now).setUpdateAt(now).build());
  }

  /** Deletes the bot and its user for good. */
  public void deletePermanently(String userId) {
    get(userId, true);
    database.transaction(tx -> {
      tx.update("DELETE FROM bots WHERE user_id = ?", userId);
      users.deletePermanently(tx, userId);
      return null;
    });
  }

  private Bot write(Bot bot) {
    database.update("UPDATE bots SET owner_id = ?, delete_at = ?, data = ? WHERE user_id = ?", bot.getOwnerId(),
        bot.getDeleteAt(), ProtoJson.write(bot), bot.getUserId());
    return bot;
  }

  private static Bot map(ResultSet row) throws SQLException {
    return ProtoJson.merge(row.getString("data"), Bot.newBuilder()).build();
  }
}
