package dev.pyplugins.sample.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Struct;
import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.PostList;
import dev.pyplugins.protocol.v1.Reaction;
import dev.pyplugins.sample.auth.Caller;
import dev.pyplugins.sample.db.ProtoJson;
import java.io.IOException;

/** Posts, threads and reactions: Mattermost's {@code /posts} and {@code /reactions} routes. */
final class PostRoutes {
  private static final String ID = "(?<id>[A-Za-z0-9]+)";

  private PostRoutes() {
  }

  static void add(RestServlet rest, RestParts parts) {
    var api = parts.api();
    var access = parts.access();
    rest.route("POST", "/posts", 201, r -> {
          Post post = r.body(Post.newBuilder()).setUserId(r.caller().userId()).build(); // as Mattermost: you post as you
          access.writable(r.caller(), post.getChannelId());
          return api.createPost(post);
        })
        .route("GET", "/posts/" + ID, r -> readable(r, parts))
        .route("PUT", "/posts/" + ID, r -> edit(r, parts, false))
        .route("PUT", "/posts/" + ID + "/patch", r -> edit(r, parts, true))
        .route("DELETE", "/posts/" + ID, r -> {
          own(r.caller(), readable(r, parts));
          api.deletePost(r.path("id"));
          return null;
        })
        .route("GET", "/posts/" + ID + "/thread", r -> {
          readable(r, parts);
          return postList(api.getPostThread(r.path("id")), false);
        })
        .route("GET", "/posts/" + ID + "/reactions", r -> {
          readable(r, parts);
          return api.getReactions(r.path("id"));
        })
        .route("POST", "/posts/ids", r -> r.stringList().stream().map(id -> parts.posts().find(id))
            .flatMap(java.util.Optional::stream)
            .filter(p -> p.getDeleteAt() == 0 && canRead(r.caller(), p, parts)).toList())
        .admin("POST", "/posts/ephemeral", r -> {
          JsonNode body = r.json();
          Post post = ProtoJson.merge(MattermostJson.write(body.path("post")), Post.newBuilder()).build();
          return api.sendEphemeralPost(body.path("user_id").asText(""), post);
        })
        .route("POST", "/reactions", 201, r -> {
          Reaction reaction = r.body(Reaction.newBuilder()).build();
          access.requireSelf(r.caller(), reaction.getUserId());
          access.writable(r.caller(), api.getPost(reaction.getPostId()).getChannelId());
          return api.addReaction(reaction);
        })
        .route("DELETE", "/users/(?<user>[A-Za-z0-9]+)/posts/" + ID + "/reactions/(?<emoji>[A-Za-z0-9_+-]+)", r -> {
          access.requireSelf(r.caller(), r.user("user"));
          api.removeReaction(Reaction.newBuilder().setUserId(r.user("user")).setPostId(r.path("id"))
              .setEmojiName(r.path("emoji")).build());
          return null;
        });
  }

  /** {@code GET /channels/{id}/posts}: a page, or the posts since a time, before or after a post. */
  static Object channelPosts(RestRequest r, RestParts parts) {
    var api = parts.api();
    String channelId = r.path("id");
    parts.access().readable(r.caller(), channelId);
    int page = r.queryInt("page", 0);
    int perPage = r.queryInt("per_page", 60);
    String before = r.query("before", "");
    String after = r.query("after", "");
    long since = r.queryLong("since", 0);
    PostList list;
    if (since > 0) {
      list = api.getPostsSince(channelId, since);
    } else if (!before.isEmpty()) {
      list = api.getPostsBefore(channelId, before, page, perPage);
    } else if (!after.isEmpty()) {
      list = api.getPostsAfter(channelId, after, page, perPage);
    } else {
      list = api.getPostsForChannel(channelId, page, perPage);
    }
    return postList(list, list.getOrderCount() >= perPage);
  }

  /** Mattermost's PostList with every key its clients read. */
  static ObjectNode postList(PostList list, boolean maybeMore) {
    ObjectNode tree = MattermostJson.tree(list);
    tree.put("has_next", maybeMore);
    tree.put("next_post_id", "");
    tree.put("prev_post_id", maybeMore && list.getOrderCount() > 0 ? list.getOrder(list.getOrderCount() - 1) : "");
    return tree;
  }

  private static Object edit(RestRequest r, RestParts parts, boolean patch) throws IOException {
    Post current = readable(r, parts);
    own(r.caller(), current);
    JsonNode body = r.json();
    Post.Builder changed = current.toBuilder();
    if (body.has("message")) {
      changed.setMessage(body.path("message").asText(""));
    } else if (!patch) {
      throw AppErrorException.badRequest("api.post.update_post.app_error", "An edited post needs a message.");
    }
    if (body.has("props")) {
      changed.setProps(ProtoJson.merge(MattermostJson.write(body.path("props")), Struct.newBuilder()).build());
    }
    if (body.has("is_pinned")) {
      changed.setIsPinned(body.path("is_pinned").asBoolean());
    }
    return parts.api().updatePost(changed.build());
  }

  private static Post readable(RestRequest r, RestParts parts) {
    Post post = parts.api().getPost(r.path("id"));
    parts.access().readable(r.caller(), post.getChannelId());
    return post;
  }

  private static boolean canRead(Caller caller, Post post, RestParts parts) {
    try {
      parts.access().readable(caller, post.getChannelId());
      return true;
    } catch (AppErrorException e) {
      return false;
    }
  }

  private static void own(Caller caller, Post post) {
    if (!caller.isSystemAdmin() && !caller.userId().equals(post.getUserId())) {
      throw ChatAccess.denied("change another user's post");
    }
  }
}
