package dev.pyplugins.sample.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Struct;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.Reaction;
import dev.pyplugins.protocol.v1.WebsocketBroadcast;
import dev.pyplugins.sample.rest.MattermostJson;
import dev.pyplugins.sample.store.ChannelStore;
import dev.pyplugins.sample.store.TeamStore;
import dev.pyplugins.sample.store.UserStore;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open WebSocket connections and who hears what: a channel's events go to its members' connections,
 * an ephemeral post to its one user's, a plugin's event to the connections its {@link WebsocketBroadcast}
 * selects. Sending never blocks the caller (Jetty queues each frame). Thread-safe.
 */
public final class WebSocketHub implements LiveEvents {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketHub.class);

  private final Map<String, ClientConnection> connections = new ConcurrentHashMap<>();
  private final ChannelStore channels;
  private final TeamStore teams;
  private final UserStore users;

  public WebSocketHub(ChannelStore channels, TeamStore teams, UserStore users) {
    this.channels = channels;
    this.teams = teams;
    this.users = users;
  }

  void register(ClientConnection connection) {
    connections.put(connection.id(), connection);
  }

  void unregister(String connectionId) {
    connections.remove(connectionId);
  }

  /** How many clients are connected (for tests and metrics). */
  public int connectionCount() {
    return connections.size();
  }

  @Override
  public void posted(Post post) {
    Channel channel = channels.get(post.getChannelId());
    ObjectNode data = MattermostJson.MAPPER.createObjectNode();
    data.put("channel_display_name", channel.getDisplayName());
    data.put("channel_name", channel.getName());
    data.put("channel_type", channel.getType());
    data.put("post", MattermostJson.write(post));
    data.put("sender_name", users.find(post.getUserId()).map(u -> "@" + u.getUsername()).orElse(""));
    data.put("team_id", channel.getTeamId());
    data.put("set_online", true);
    toChannel("posted", post.getChannelId(), data);
  }

  @Override
  public void postEdited(Post post) {
    toChannel("post_edited", post.getChannelId(), postData(post));
  }

  @Override
  public void postDeleted(Post post) {
    toChannel("post_deleted", post.getChannelId(), postData(post));
  }

  @Override
  public void reactionAdded(Reaction reaction) {
    toChannel("reaction_added", reaction.getChannelId(), reactionData(reaction));
  }

  @Override
  public void reactionRemoved(Reaction reaction) {
    toChannel("reaction_removed", reaction.getChannelId(), reactionData(reaction));
  }

  @Override
  public void directAdded(Channel channel, String creatorId, String teammateId) {
    ObjectNode data = MattermostJson.MAPPER.createObjectNode();
    data.put("creator_id", creatorId);
    data.put("teammate_id", teammateId);
    toChannel("direct_added", channel.getId(), data);
  }

  @Override
  public void userAdded(dev.pyplugins.protocol.v1.ChannelMember member, String teamId) {
    ObjectNode data = MattermostJson.MAPPER.createObjectNode();
    data.put("user_id", member.getUserId());
    data.put("team_id", teamId);
    toChannel("user_added", member.getChannelId(), data);
  }

  @Override
  public void ephemeral(String userId, Post post) {
    send("ephemeral_message", postData(post), broadcast("", "", userId),
        c -> c.caller().userId().equals(userId));
  }

  @Override
  public void pluginEvent(String pluginId, String event, Struct payload, WebsocketBroadcast target) {
    Set<String> channelMembers = target.getChannelId().isEmpty() ? null : Set.copyOf(channels.memberIds(
        target.getChannelId()));
    Set<String> teamMembers = target.getTeamId().isEmpty() ? null : Set.copyOf(teams.memberIds(target.getTeamId()));
    ObjectNode broadcast = MattermostJson.tree(target);
    send("custom_" + pluginId + "_" + event, MattermostJson.tree(payload), broadcast, c -> {
      String user = c.caller().userId();
      return (target.getUserId().isEmpty() || target.getUserId().equals(user))
          && (channelMembers == null || channelMembers.contains(user))
          && (teamMembers == null || teamMembers.contains(user))
          && !target.getOmitUsersOrDefault(user, false)
          && (target.getConnectionId().isEmpty() || target.getConnectionId().equals(c.id()))
          && !c.id().equals(target.getOmitConnectionId())
          && !(target.getContainsSanitizedData() && c.caller().isSystemAdmin());
    });
  }

  private void toChannel(String event, String channelId, ObjectNode data) {
    Set<String> members = Set.copyOf(channels.memberIds(channelId));
    send(event, data, broadcast(channelId, "", ""), c -> members.contains(c.caller().userId()));
  }

  private void send(String event, ObjectNode data, ObjectNode broadcast, Predicate<ClientConnection> audience) {
    Collection<ClientConnection> all = connections.values();
    for (ClientConnection connection : all) {
      try {
        if (connection.isOpen() && audience.test(connection)) {
          connection.sendEvent(event, data, broadcast);
        }
      } catch (RuntimeException e) {
        LOG.warn("websocket event {} not sent to connection {}: {}", event, connection.id(), e.toString());
      }
    }
  }

  private static ObjectNode postData(Post post) {
    ObjectNode data = MattermostJson.MAPPER.createObjectNode();
    data.put("post", MattermostJson.write(post));
    return data;
  }

  private static ObjectNode reactionData(Reaction reaction) {
    ObjectNode data = MattermostJson.MAPPER.createObjectNode();
    data.put("reaction", MattermostJson.write(reaction));
    return data;
  }

  private static ObjectNode broadcast(String channelId, String teamId, String userId) {
    ObjectNode broadcast = MattermostJson.MAPPER.createObjectNode();
    broadcast.putNull("omit_users");
    broadcast.put("user_id", userId);
    broadcast.put("channel_id", channelId);
    broadcast.put("team_id", teamId);
    broadcast.put("connection_id", "");
    broadcast.put("omit_connection_id", "");
    return broadcast;
  }
}
