package dev.pyplugins.sample.api;

import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.sample.db.Ids;
import dev.pyplugins.sample.live.LiveEvents;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Posts only one user sees, never stored (Mattermost sends them over the user's websocket). The sample
 * host keeps each user's last {@value #KEPT} in memory, so a client (or a test) can look at them.
 */
public final class EphemeralPosts {
  static final int KEPT = 100;

  private final Map<String, Deque<Post>> byUser = new ConcurrentHashMap<>();
  private final LiveEvents live;

  public EphemeralPosts(LiveEvents live) {
    this.live = live;
  }

  /** Sends {@code post} to {@code userId}: it gets an id (unless it has one), the time and type system_ephemeral. */
  public Post send(String userId, Post post) {
    long now = System.currentTimeMillis();
    Post sent = post.toBuilder().setId(post.getId().isEmpty() ? Ids.newId() : post.getId()).setCreateAt(now)
        .setUpdateAt(now).setType("system_ephemeral").build();
    Deque<Post> posts = byUser.computeIfAbsent(userId, id -> new ArrayDeque<>());
    synchronized (posts) {
      posts.removeIf(p -> p.getId().equals(sent.getId()));
      posts.addLast(sent);
      while (posts.size() > KEPT) {
        posts.removeFirst();
      }
    }
    live.ephemeral(userId, sent);
    return sent;
  }

  /** Forgets one ephemeral post of the user (it disappears from their screen in Mattermost). */
  public void delete(String userId, String postId) {
    Deque<Post> posts = byUser.get(userId);
    if (posts != null) {
      synchronized (posts) {
        posts.removeIf(p -> p.getId().equals(postId));
      }
    }
  }

  /** The user's ephemeral posts, oldest first. */
  public List<Post> forUser(String userId) {
    Deque<Post> posts = byUser.get(userId);
    if (posts == null) {
      return List.of();
    }
    synchronized (posts) {
      return List.copyOf(posts);
    }
  }
}
