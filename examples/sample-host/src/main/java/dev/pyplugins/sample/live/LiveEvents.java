package dev.pyplugins.sample.live;

import com.google.protobuf.Struct;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.Reaction;
import dev.pyplugins.protocol.v1.WebsocketBroadcast;

/**
 * What connected clients are told, as Mattermost's WebSocket events. The chat areas call these after a
 * change is saved; the host's {@link WebSocketHub} sends them to the connections that may see them.
 */
public interface LiveEvents {
  void posted(Post post);

  void postEdited(Post post);

  void postDeleted(Post post);

  void reactionAdded(Reaction reaction);

  void reactionRemoved(Reaction reaction);

  /** A direct channel was made: both users' clients add it ({@code direct_added}). */
  void directAdded(dev.pyplugins.protocol.v1.Channel channel, String creatorId, String teammateId);

  /** A user joined a channel: its members' clients learn of it ({@code user_added}). */
  void userAdded(dev.pyplugins.protocol.v1.ChannelMember member, String teamId);

  /** A post only {@code userId} sees (never stored). */
  void ephemeral(String userId, Post post);

  /** A plugin's own event (PublishWebSocketEvent), sent as {@code custom_<pluginId>_<event>}. */
  void pluginEvent(String pluginId, String event, Struct payload, WebsocketBroadcast broadcast);

  /** Events that go nowhere (a host without clients, unit tests). */
  static LiveEvents none() {
    return new LiveEvents() {
      @Override public void posted(Post post) { }
      @Override public void postEdited(Post post) { }
      @Override public void postDeleted(Post post) { }
      @Override public void reactionAdded(Reaction reaction) { }
      @Override public void reactionRemoved(Reaction reaction) { }
      @Override public void directAdded(dev.pyplugins.protocol.v1.Channel c, String creator, String mate) { }
      @Override public void userAdded(dev.pyplugins.protocol.v1.ChannelMember member, String teamId) { }
      @Override public void ephemeral(String userId, Post post) { }
      @Override public void pluginEvent(String pluginId, String event, Struct payload, WebsocketBroadcast b) { }
    };
  }
}
