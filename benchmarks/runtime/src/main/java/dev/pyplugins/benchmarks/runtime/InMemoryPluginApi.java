package dev.pyplugins.benchmarks.runtime;

import com.google.protobuf.ByteString;
import dev.pyplugins.protocol.v1.AppError;
import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.UnsupportedPluginApi;
import dev.pyplugins.protocol.v1.User;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host's side of the API figures: users, posts and KV values in maps. The runtime's endpoint and the
 * bare floor server both call this one object, so both do the same host work per call.
 */
final class InMemoryPluginApi extends UnsupportedPluginApi {
  private final Map<String, User> users = new ConcurrentHashMap<>();
  private final Map<String, Post> posts = new ConcurrentHashMap<>();
  private final Map<String, ByteString> kv = new ConcurrentHashMap<>();
  private final AtomicLong nextPost = new AtomicLong();

  InMemoryPluginApi() {
    User user = Payloads.user();
    users.put(user.getId(), user);
    kv.put(Payloads.KV_KEY, Payloads.kvValue());
  }

  @Override
  public User getUser(String userId) {
    User user = users.get(userId);
    if (user == null) {
      throw new AppErrorException(AppError.newBuilder().setId("app.user.missing_account.const")
          .setMessage("no user " + userId).setStatusCode(404).setWhere("GetUser").build());
    }
    return user;
  }

  @Override
  public Post createPost(Post post) {
    String id = String.format("p%025d", nextPost.incrementAndGet());
    long now = System.currentTimeMillis();
    Post created = post.toBuilder().setId(id).setCreateAt(now).setUpdateAt(now).build();
    posts.put(id, created);
    return created;
  }

  @Override
  public ByteString kvGet(String key) {
    return kv.getOrDefault(key, ByteString.EMPTY);
  }

  int postCount() {
    return posts.size();
  }
}
