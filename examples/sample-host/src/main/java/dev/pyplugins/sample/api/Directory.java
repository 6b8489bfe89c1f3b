package dev.pyplugins.sample.api;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.ChannelMember;
import dev.pyplugins.protocol.v1.TeamMember;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.sample.auth.Credentials;
import dev.pyplugins.sample.auth.SessionStore;
import dev.pyplugins.sample.hooks.HookEvents;
import dev.pyplugins.sample.live.LiveEvents;
import dev.pyplugins.sample.store.ChannelStore;
import dev.pyplugins.sample.store.TeamStore;
import dev.pyplugins.sample.store.UserStore;
import java.util.ArrayList;
import java.util.List;

/** Users, teams, channels and memberships: the changes that fire hooks (reads go to the stores directly). */
public final class Directory {
  private final UserStore users;
  private final TeamStore teams;
  private final ChannelStore channels;
  private final HookEvents events;
  private final Credentials credentials;
  private final SessionStore sessions;
  private final LiveEvents live;

  public Directory(UserStore users, TeamStore teams, ChannelStore channels, HookEvents events,
      Credentials credentials, SessionStore sessions, LiveEvents live) {
    this.live = live;
    this.users = users;
    this.teams = teams;
    this.channels = channels;
    this.events = events;
    this.credentials = credentials;
    this.sessions = sessions;
  }

  /** Creates a user, with the password it carries if any (hashed, never kept in the user); fires UserHasBeenCreated. */
  public User createUser(User user) {
    if (!user.getPassword().isEmpty()) {
      Credentials.checkLength(user.getPassword());
    }
    User created = users.create(user);
    if (!user.getPassword().isEmpty()) {
      credentials.setPassword(created.getId(), user.getPassword());
    }
    events.userHasBeenCreated(created);
    return created;
  }

  /** Sets a user's password, unlocks the account (failed attempts back to 0) and ends their sessions. */
  public void setPassword(String userId, String password) {
    User user = users.get(userId);
    credentials.setPassword(userId, password);
    if (user.getFailedAttempts() != 0) {
      users.update(user.toBuilder().setFailedAttempts(0).build());
    }
    sessions.revokeAll(userId);
  }

  /** Deactivates or reactivates a user; deactivating fires UserHasBeenDeactivated. */
  public void setUserActive(String userId, boolean active) {
    User before = users.get(userId);
    User after = users.setActive(userId, active);
    if (!active) {
      sessions.revokeAll(userId); // Mattermost logs a deactivated user out everywhere
    }
    if (!active && before.getDeleteAt() == 0) {
      events.userHasBeenDeactivated(after);
    }
  }

  /** Adds a user to a team; fires UserHasJoinedTeam when they were not a member. */
  public TeamMember joinTeam(String teamId, String userId, String actorId) {
    users.get(userId);
    TeamStore.Joined joined = teams.addMember(teamId, userId);
    if (joined.isNew()) {
      events.userHasJoinedTeam(joined.member(), actor(actorId, userId));
    }
    return joined.member();
  }

  public List<TeamMember> joinTeam(String teamId, List<String> userIds, String actorId) {
    List<TeamMember> members = new ArrayList<>();
    for (String userId : userIds) {
      members.add(joinTeam(teamId, userId, actorId));
    }
    return members;
  }

  /** Removes a user from a team; fires UserHasLeftTeam. */
  public void leaveTeam(String teamId, String userId, String actorId) {
    TeamMember left = teams.removeMember(teamId, userId);
    events.userHasLeftTeam(left, actor(actorId, userId));
  }

  /** Creates an open or private channel in an existing team; fires ChannelHasBeenCreated. */
  public Channel createChannel(Channel channel) {
    teams.get(channel.getTeamId());
    Channel created = channels.create(channel);
    events.channelHasBeenCreated(created);
    return created;
  }

  /** The direct channel of two users, made on first use (which fires ChannelHasBeenCreated). */
  public Channel directChannel(String userId1, String userId2) {
    users.get(userId1);
    users.get(userId2);
    ChannelStore.Created direct = channels.direct(userId1, userId2);
    if (direct.isNew()) {
      live.directAdded(direct.channel(), userId1, userId2);
      events.channelHasBeenCreated(direct.channel());
    }
    return direct.channel();
  }

  /**
   * Adds a user to a channel (for a team's channel, they must be on the team); fires UserHasJoinedChannel
   * when they were not a member.
   *
   * @param actorId who adds them; empty or their own id when they join by themselves
   */
  public ChannelMember joinChannel(String channelId, String userId, String actorId) {
    Channel channel = channels.get(channelId);
    users.get(userId);
    if (channel.getType().equals("D")) {
      throw AppErrorException.badRequest("api.channel.add_user.to.channel.failed.deleted.app_error",
          "Members cannot be added to a direct channel.");
    }
    if (teams.findMember(channel.getTeamId(), userId).filter(m -> m.getDeleteAt() == 0).isEmpty()) {
      throw AppErrorException.forbidden("api.channel.add_user.to.channel.failed.app_error",
          "User '" + userId + "' must join team '" + channel.getTeamId() + "' before its channels.");
    }
    ChannelStore.Joined joined = channels.addMember(channelId, userId);
    if (joined.isNew()) {
      live.userAdded(joined.member(), channel.getTeamId());
      events.userHasJoinedChannel(joined.member(), actor(actorId, userId));
    }
    return joined.member();
  }

  /** Removes a user from a channel; fires UserHasLeftChannel. */
  public void leaveChannel(String channelId, String userId, String actorId) {
    ChannelMember removed = channels.removeMember(channelId, userId);
    events.userHasLeftChannel(removed, actor(actorId, userId));
  }

  /** The acting user for a membership hook: null when the user acts on themself, as Mattermost passes it. */
  private User actor(String actorId, String userId) {
    return actorId == null || actorId.isEmpty() || actorId.equals(userId) ? null : users.get(actorId);
  }
}
