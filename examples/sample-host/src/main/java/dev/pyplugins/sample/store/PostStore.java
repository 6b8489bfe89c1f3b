package dev.pyplugins.sample.store;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.PostList;
import dev.pyplugins.sample.db.Ids;
import dev.pyplugins.sample.db.ProtoJson;
import dev.pyplugins.sample.db.Rows;
import dev.pyplugins.sample.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts and threads (table {@code posts}). Lists come as Mattermost's {@link PostList}: the posts by id
 * and their {@code order}, newest first. Deleted posts stay as rows with delete_at set and are left out of
 * lists, except {@link #since} (clients learn of deletions that way).
 */
public final class PostStore {
  private static final String LIVE = "SELECT data FROM posts WHERE channel_id = ? AND delete_at = 0 ";
  /** Mattermost's limit on a message, in characters (Go runes, that is code points). */
  public static final int MAX_MESSAGE_LENGTH = 16383;

  private final Sql sql;
  private final AtomicLong lastCreateAt = new AtomicLong();

  public PostStore(Sql sql) {
    this.sql = sql;
  }

  /** Saves a new post with a new id and the current time; a reply's root must be a live post of the same channel. */
  public Post create(Post post) {
    if (post.getChannelId().isEmpty()) {
      throw AppErrorException.badRequest("model.post.is_valid.channel_id.app_error", "A post needs a channel_id.");
    }
    checkLength(post);
    if (!post.getRootId().isEmpty()) {
      Post root = get(post.getRootId());
      if (!root.getChannelId().equals(post.getChannelId()) || !root.getRootId().isEmpty()) {
        throw AppErrorException.badRequest("api.post.create_post.root_id.app_error",
            "root_id must name a thread's root post in the same channel.");
      }
    }
    // Strictly increasing creation times, so that posts made within one millisecond keep their order.
    long now = lastCreateAt.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
    Post saved = post.toBuilder().setId(Ids.newId()).setCreateAt(now).setUpdateAt(now).setEditAt(0).setDeleteAt(0)
        .build();
    sql.update("INSERT INTO posts (id, channel_id, root_id, create_at, update_at, delete_at, data) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?)", saved.getId(), saved.getChannelId(), saved.getRootId(), saved.getCreateAt(),
        saved.getUpdateAt(), saved.getDeleteAt(), ProtoJson.write(saved));
    return saved;
  }

  public Optional<Post> find(String id) {
    return sql.queryOne("SELECT data FROM posts WHERE id = ?", PostStore::map, id);
  }

  /** A post that is not deleted. */
  public Post get(String id) {
    return find(id).filter(p -> p.getDeleteAt() == 0).orElseThrow(() -> AppErrorException.notFound(
        "app.post.get.app_error", "No post with id '" + id + "'."));
  }

  /** Saves new content for a post; id, channel, thread, author and create_at stay; edit_at marks a new message. */
  public Post update(Post post) {
    checkLength(post);
    Post current = get(post.getId());
    long now = System.currentTimeMillis();
    Post saved = post.toBuilder().setChannelId(current.getChannelId()).setRootId(current.getRootId())
        .setUserId(current.getUserId()).setCreateAt(current.getCreateAt()).setUpdateAt(now).setDeleteAt(0)
        .setEditAt(post.getMessage().equals(current.getMessage()) ? current.getEditAt() : now).build();
    write(saved);
    return saved;
  }

  /** Marks a post deleted; the post as it now is. */
  public Post delete(String id) {
    long now = System.currentTimeMillis();
    Post deleted = get(id).toBuilder().setDeleteAt(now).setUpdateAt(now).build();
    write(deleted);
    return deleted;
  }

  /** Records that a post has reactions (or has none left). */
  public void setHasReactions(String id, boolean hasReactions) {
    find(id).ifPresent(post -> write(post.toBuilder().setHasReactions(hasReactions).build()));
  }

  /** A thread: its root and every live reply. */
  public PostList thread(String postId) {
    Post post = get(postId);
    String rootId = post.getRootId().isEmpty() ? post.getId() : post.getRootId();
    return list(sql.query("SELECT data FROM posts WHERE (id = ? OR root_id = ?) AND delete_at = 0 "
        + "ORDER BY create_at DESC, id DESC", PostStore::map, rootId, rootId));
  }

  /** A page of the channel's posts, newest first. */
  public PostList forChannel(String channelId, int page, int perPage) {
    return list(sql.query(LIVE + "ORDER BY create_at DESC, id DESC LIMIT ? OFFSET ?", PostStore::map, channelId,
        perPage, Rows.offset(page, perPage)));
  }

  /** The channel's posts created, edited or deleted at or after {@code time} (ms), newest first. */
  public PostList since(String channelId, long time) {
    return list(sql.query("SELECT data FROM posts WHERE channel_id = ? AND update_at >= ? "
        + "ORDER BY create_at DESC, id DESC", PostStore::map, channelId, time));
  }

  /** A page of the channel's posts older than {@code postId}, newest first. */
  public PostList before(String channelId, String postId, int page, int perPage) {
    long at = get(postId).getCreateAt();
    return list(sql.query(LIVE + "AND (create_at < ? OR (create_at = ? AND id < ?)) "
        + "ORDER BY create_at DESC, id DESC LIMIT ? OFFSET ?", PostStore::map, channelId, at, at, postId, perPage,
        Rows.offset(page, perPage)));
  }

  /** A page of the channel's posts newer than {@code postId} (the oldest of them first in paging), newest first. */
  public PostList after(String channelId, String postId, int page, int perPage) {
    long at = get(postId).getCreateAt();
    List<Post> oldestFirst = sql.query(LIVE + "AND (create_at > ? OR (create_at = ? AND id > ?)) "
        + "ORDER BY create_at, id LIMIT ? OFFSET ?", PostStore::map, channelId, at, at, postId, perPage,
        Rows.offset(page, perPage));
    List<Post> newestFirst = new ArrayList<>(oldestFirst);
    Collections.reverse(newestFirst);
    return list(newestFirst);
  }

  private static void checkLength(Post post) {
    int length = post.getMessage().codePointCount(0, post.getMessage().length());
    if (length > MAX_MESSAGE_LENGTH) {
      throw AppErrorException.badRequest("model.post.is_valid.message_length.app_error", "A message may have at most "
          + MAX_MESSAGE_LENGTH + " characters; this one has " + length + ".");
    }
  }

  private void write(Post post) {
    sql.update("UPDATE posts SET update_at = ?, delete_at = ?, data = ? WHERE id = ?", post.getUpdateAt(),
        post.getDeleteAt(), ProtoJson.write(post), post.getId());
  }

  private static PostList list(List<Post> newestFirst) {
    PostList.Builder list = PostList.newBuilder();
    for (Post post : newestFirst) {
      list.addOrder(post.getId()).putPosts(post.getId(), post);
    }
    return list.build();
  }

  private static Post map(ResultSet row) throws SQLException {
    return ProtoJson.merge(row.getString("data"), Post.newBuilder()).build();
  }
}
