package dev.pyplugins.sample.api;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.Reaction;
import dev.pyplugins.sample.hooks.HookEvents;
import dev.pyplugins.sample.store.ChannelStore;
import dev.pyplugins.sample.store.PostStore;
import dev.pyplugins.sample.store.ReactionStore;
import dev.pyplugins.sample.store.UserStore;
import dev.pyplugins.sample.live.LiveEvents;
import java.util.Optional;

/**
 * Posts and reactions: the changes that fire hooks. A new post goes through MessageWillBePosted (plugins
 * may change or reject it) before it is saved, and MessageHasBeenPosted after; updates, deletions and
 * reactions likewise. No hook runs inside a database transaction.
 */
public final class Messaging {
  private final UserStore users;
  private final ChannelStore channels;
  private final PostStore posts;
  private final ReactionStore reactions;
  private final HookEvents events;
  private final LiveEvents live;

  public Messaging(UserStore users, ChannelStore channels, PostStore posts, ReactionStore reactions,
      HookEvents events, LiveEvents live) {
    this.users = users;
    this.channels = channels;
    this.posts = posts;
    this.reactions = reactions;
    this.events = events;
    this.live = live;
  }

  /**
   * Posts a message: checks author and channel, runs MessageWillBePosted, saves what the plugins left,
   * fires MessageHasBeenPosted.
   *
   * @throws AppErrorException 400 when a plugin rejects the post or it is past Mattermost's size limits (also
   *     once the plugins changed it), 404 when author or channel are missing
   */
  public Post createPost(Post post) {
    PostLimits.check(post, "");
    users.get(post.getUserId());
    Channel channel = channels.get(post.getChannelId());
    if (channel.getDeleteAt() != 0) {
      throw AppErrorException.badRequest("api.post.create_post.can_not_post_to_deleted.error",
          "Channel '" + channel.getName() + "' is archived.");
    }
    Post accepted = events.messageWillBePosted(post.toBuilder().clearId().build());
    PostLimits.check(accepted, " after plugin changes");
    Post saved = posts.create(accepted);
    live.posted(saved);
    events.messageHasBeenPosted(saved);
    return saved;
  }

  /** Edits a post: runs MessageWillBeUpdated, saves, fires MessageHasBeenUpdated. */
  public Post updatePost(Post post) {
    PostLimits.check(post, "");
    Post old = posts.get(post.getId());
    Post accepted = events.messageWillBeUpdated(post, old);
    PostLimits.check(accepted, " after plugin changes");
    Post saved = posts.update(accepted.toBuilder().setId(old.getId()).build());
    live.postEdited(saved);
    events.messageHasBeenUpdated(saved, old);
    return saved;
  }

  /** Deletes a post (it stays, marked deleted); fires MessageHasBeenDeleted. */
  public void deletePost(String postId) {
    Post deleted = posts.delete(postId);
    live.postDeleted(deleted);
    events.messageHasBeenDeleted(deleted);
  }

  /** Adds a reaction to a live post; fires ReactionHasBeenAdded when it is new. */
  public Reaction addReaction(Reaction reaction) {
    users.get(reaction.getUserId());
    Post post = posts.get(reaction.getPostId());
    ReactionStore.Added added = reactions.add(reaction.toBuilder().setChannelId(post.getChannelId()).build());
    if (added.isNew()) {
      posts.setHasReactions(post.getId(), true);
      live.reactionAdded(added.reaction());
      events.reactionHasBeenAdded(added.reaction());
    }
    return added.reaction();
  }

  /** Removes a reaction; fires ReactionHasBeenRemoved when there was one. */
  public void removeReaction(Reaction reaction) {
    Optional<Reaction> removed = reactions.remove(reaction);
    if (removed.isPresent()) {
      if (reactions.forPost(reaction.getPostId()).isEmpty()) {
        posts.setHasReactions(reaction.getPostId(), false);
      }
      live.reactionRemoved(removed.get());
      events.reactionHasBeenRemoved(removed.get());
    }
  }
}
