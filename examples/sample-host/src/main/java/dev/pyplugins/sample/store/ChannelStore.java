package dev.pyplugins.sample.store;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.ChannelMember;
import dev.pyplugins.sample.db.DataAccessException;
import dev.pyplugins.sample.db.Database;
import dev.pyplugins.sample.db.Ids;
import dev.pyplugins.sample.db.ProtoJson;
import dev.pyplugins.sample.db.Rows;
import dev.pyplugins.sample.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Channels (open 'O', private 'P', direct 'D') and their members (tables {@code channels},
 * {@code channel_members}).
 */
public final class ChannelStore {
  private final Database database;

  public ChannelStore(Database database) {
    this.database = database;
  }

  /** Saves a new open or private channel of a team; its name is unique within the team. */
  public Channel create(Channel channel) {
    String name = channel.getName().toLowerCase(Locale.ROOT);
    if (!TeamStore.NAME.matcher(name).matches()) {
      throw AppErrorException.badRequest("model.channel.is_valid.name.app_error", "Channel name '"
          + channel.getName() + "' must be 2 to 64 characters: lowercase letters, digits, '-' or '_'.");
    }
    if (!channel.getType().equals("O") && !channel.getType().equals("P")) {
      throw AppErrorException.badRequest("model.channel.is_valid.type.app_error",
          "Channel type must be 'O' (open) or 'P' (private), was '" + channel.getType() + "'.");
    }
    Channel saved = newChannel(channel.toBuilder().setName(name)
        .setDisplayName(channel.getDisplayName().isEmpty() ? name : channel.getDisplayName()).build());
    insert(database, saved);
    return saved;
  }

  /**
   * The direct channel of two users, and whether this call created it (with both as members, in one
   * transaction). A user may have a direct channel with themself.
   */
  public Created direct(String userId1, String userId2) {
    String name = Stream.of(userId1, userId2).sorted().reduce((a, b) -> a + "__" + b).orElseThrow();
    Optional<Channel> existing = findByName("", name);
    if (existing.isPresent()) {
      return new Created(existing.get(), false);
    }
    Channel channel = newChannel(Channel.newBuilder().setType("D").setName(name).setDisplayName(name).build());
    try {
      database.transaction(tx -> {
        insert(tx, channel);
        for (String userId : Stream.of(userId1, userId2).distinct().toList()) {
          insertMember(tx, newMember(channel.getId(), userId));
        }
        return channel;
      });
    } catch (AppErrorException e) {
      return new Created(findByName("", name).orElseThrow(() -> e), false); // made by a concurrent call
    }
    return new Created(channel, true);
  }

  public Optional<Channel> find(String id) {
    return database.queryOne("SELECT data FROM channels WHERE id = ?", ChannelStore::map, id);
  }

  public Channel get(String id) {
    return find(id).orElseThrow(() -> AppErrorException.notFound("app.channel.get.existing.app_error",
        "No channel with id '" + id + "'."));
  }

  public Optional<Channel> findByName(String teamId, String name) {
    return database.queryOne("SELECT data FROM channels WHERE team_id = ? AND name = ?", ChannelStore::map, teamId,
        name.toLowerCase(Locale.ROOT));
  }

  /** A page of the team's open channels that are not archived, by name. */
  public List<Channel> publicChannels(String teamId, int page, int perPage) {
    return database.query("SELECT data FROM channels WHERE team_id = ? AND type = 'O' AND delete_at = 0 "
        + "ORDER BY name LIMIT ? OFFSET ?", ChannelStore::map, teamId, perPage, Rows.offset(page, perPage));
  }

  /** The team's channels {@code userId} is a member of, by name. */
  public List<Channel> forTeamAndUser(String teamId, String userId, boolean includeDeleted) {
    return database.query("SELECT c.data FROM channels c JOIN channel_members m ON m.channel_id = c.id "
        + "WHERE c.team_id = ? AND m.user_id = ?" + (includeDeleted ? "" : " AND c.delete_at = 0")
        + " ORDER BY c.name", ChannelStore::map, teamId, userId);
  }

  /** Replaces the channel's descriptive fields; id, team, name, type and create_at stay. */
  public Channel update(Channel channel) {
    Channel current = get(channel.getId());
    Channel saved = channel.toBuilder().setTeamId(current.getTeamId()).setName(current.getName())
        .setType(current.getType()).setCreateAt(current.getCreateAt()).setUpdateAt(System.currentTimeMillis())
        .build();
    database.update("UPDATE channels SET delete_at = ?, data = ? WHERE id = ?", saved.getDeleteAt(),
        ProtoJson.write(saved), saved.getId());
    return saved;
  }

  /** Adds a member; the membership and whether this call created it. */
  public Joined addMember(String channelId, String userId) {
    Optional<ChannelMember> existing = findMember(channelId, userId);
    if (existing.isPresent()) {
      return new Joined(existing.get(), false);
    }
    ChannelMember member = newMember(channelId, userId);
    try {
      insertMember(database, member);
    } catch (DataAccessException e) {
      if (e.isUniqueViolation()) {
        return new Joined(getMember(channelId, userId), false);
      }
      throw e;
    }
    return new Joined(member, true);
  }

  /** Removes a member; the membership removed. */
  public ChannelMember removeMember(String channelId, String userId) {
    ChannelMember member = getMember(channelId, userId);
    database.update("DELETE FROM channel_members WHERE channel_id = ? AND user_id = ?", channelId, userId);
    return member;
  }

  public Optional<ChannelMember> findMember(String channelId, String userId) {
    return database.queryOne("SELECT data FROM channel_members WHERE channel_id = ? AND user_id = ?",
        ChannelStore::mapMember, channelId, userId);
  }

  public ChannelMember getMember(String channelId, String userId) {
    return findMember(channelId, userId).orElseThrow(() -> AppErrorException.notFound(
        "app.channel.get_member.missing.app_error",
        "User '" + userId + "' is not a member of channel '" + channelId + "'."));
  }

  /** A page of the channel's members, by user id. */
  public List<ChannelMember> members(String channelId, int page, int perPage) {
    return database.query("SELECT data FROM channel_members WHERE channel_id = ? ORDER BY user_id LIMIT ? OFFSET ?",
        ChannelStore::mapMember, channelId, perPage, Rows.offset(page, perPage));
  }

  /** A page of {@code userId}'s memberships in the team's channels. */
  public List<ChannelMember> membershipsOf(String teamId, String userId, int page, int perPage) {
    return database.query("SELECT m.data FROM channel_members m JOIN channels c ON c.id = m.channel_id "
        + "WHERE c.team_id = ? AND m.user_id = ? ORDER BY c.name LIMIT ? OFFSET ?", ChannelStore::mapMember, teamId,
        userId, perPage, Rows.offset(page, perPage));
  }

  /** The ids of every member of the channel (who hears its events). */
  public List<String> memberIds(String channelId) {
    return database.query("SELECT user_id FROM channel_members WHERE channel_id = ?", row -> row.getString(1),
        channelId);
  }

  public long memberCount(String channelId) {
    return database.queryLong("SELECT COUNT(*) FROM channel_members WHERE channel_id = ?", channelId);
  }

  /** A channel and whether this call created it (the hook fires only then). */
  public record Created(Channel channel, boolean isNew) {
  }

  /** A membership and whether this call created it (the hook fires only then). */
  public record Joined(ChannelMember member, boolean isNew) {
  }

  private static Channel newChannel(Channel channel) {
    long now = System.currentTimeMillis();
    return channel.toBuilder().setId(Ids.newId()).setCreateAt(now).setUpdateAt(now).setDeleteAt(0).build();
  }

  private static ChannelMember newMember(String channelId, String userId) {
    return ChannelMember.newBuilder().setChannelId(channelId).setUserId(userId).setRoles("channel_user")
        .setSchemeUser(true).setLastUpdateAt(System.currentTimeMillis()).putNotifyProps("desktop", "default")
        .putNotifyProps("mark_unread", "all").build();
  }

  private static void insert(Sql sql, Channel channel) {
    try {
      sql.update("INSERT INTO channels (id, team_id, name, type, delete_at, data) VALUES (?, ?, ?, ?, ?, ?)",
          channel.getId(), channel.getTeamId(), channel.getName(), channel.getType(), channel.getDeleteAt(),
          ProtoJson.write(channel));
    } catch (DataAccessException e) {
      throw e.isUniqueViolation() ? AppErrorException.badRequest("store.sql_channel.save_channel.exists.app_error",
          "A channel named '" + channel.getName() + "' already exists in this team.") : e;
    }
  }

  private static void insertMember(Sql sql, ChannelMember member) {
    sql.update("INSERT INTO channel_members (channel_id, user_id, data) VALUES (?, ?, ?)", member.getChannelId(),
        member.getUserId(), ProtoJson.write(member));
  }

  private static Channel map(ResultSet row) throws SQLException {
    return ProtoJson.merge(row.getString("data"), Channel.newBuilder()).build();
  }

  private static ChannelMember mapMember(ResultSet row) throws SQLException {
    return ProtoJson.merge(row.getString("data"), ChannelMember.newBuilder()).build();
  }
}
