package dev.pyplugins.sample.store;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Reaction;
import dev.pyplugins.sample.db.DataAccessException;
import dev.pyplugins.sample.db.ProtoJson;
import dev.pyplugins.sample.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Emoji reactions to posts (table {@code reactions}); one per user, post and emoji. */
public final class ReactionStore {
  private final Sql sql;

  public ReactionStore(Sql sql) {
    this.sql = sql;
  }

  /** Saves a reaction; the reaction and whether it is new (adding the same one twice changes nothing). */
  public Added add(Reaction reaction) {
    if (reaction.getEmojiName().isBlank() || reaction.getEmojiName().length() > 64) {
      throw AppErrorException.badRequest("model.reaction.is_valid.emoji_name.app_error",
          "A reaction needs an emoji_name of 1 to 64 characters.");
    }
    Optional<Reaction> existing = find(reaction);
    if (existing.isPresent()) {
      return new Added(existing.get(), false);
    }
    long now = System.currentTimeMillis();
    Reaction saved = reaction.toBuilder().setCreateAt(now).setUpdateAt(now).setDeleteAt(0).build();
    try {
      sql.update("INSERT INTO reactions (post_id, user_id, emoji_name, create_at, data) VALUES (?, ?, ?, ?, ?)",
          saved.getPostId(), saved.getUserId(), saved.getEmojiName(), saved.getCreateAt(), ProtoJson.write(saved));
    } catch (DataAccessException e) {
      if (e.isUniqueViolation()) {
        return new Added(find(reaction).orElseThrow(), false);
      }
      throw e;
    }
    return new Added(saved, true);
  }

  /** Removes a reaction; the one removed, if it existed. */
  public Optional<Reaction> remove(Reaction reaction) {
    Optional<Reaction> existing = find(reaction);
    existing.ifPresent(r -> sql.update("DELETE FROM reactions WHERE post_id = ? AND user_id = ? AND emoji_name = ?",
        r.getPostId(), r.getUserId(), r.getEmojiName()));
    return existing;
  }

  /** The post's reactions, oldest first. */
  public List<Reaction> forPost(String postId) {
    return sql.query("SELECT data FROM reactions WHERE post_id = ? ORDER BY create_at, user_id, emoji_name",
        ReactionStore::map, postId);
  }

  /** A reaction and whether this call added it (the hook fires only then). */
  public record Added(Reaction reaction, boolean isNew) {
  }

  private Optional<Reaction> find(Reaction reaction) {
    return sql.queryOne("SELECT data FROM reactions WHERE post_id = ? AND user_id = ? AND emoji_name = ?",
        ReactionStore::map, reaction.getPostId(), reaction.getUserId(), reaction.getEmojiName());
  }

  private static Reaction map(ResultSet row) throws SQLException {
    return ProtoJson.merge(row.getString("data"), Reaction.newBuilder()).build();
  }
}
