package dev.pyplugins.sample.rest;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.sample.auth.Caller;
import dev.pyplugins.sample.store.ChannelStore;
import dev.pyplugins.sample.store.TeamStore;

/**
 * Who may read and write where, in small (Mattermost's default permission scheme, roughly): a channel's
 * members read and post in it; an open channel is readable by its team's members; a user acts as themself;
 * a system administrator may do anything.
 */
public final class ChatAccess {
  private final ChannelStore channels;
  private final TeamStore teams;

  public ChatAccess(ChannelStore channels, TeamStore teams) {
    this.channels = channels;
    this.teams = teams;
  }

  /** The channel, if the caller may read it. */
  public Channel readable(Caller caller, String channelId) {
    Channel channel = channels.get(channelId);
    if (caller.isSystemAdmin() || isMember(caller, channelId)
        || (channel.getType().equals("O") && isTeamMember(caller, channel.getTeamId()))) {
      return channel;
    }
    throw denied("read channel '" + channelId + "'");
  }

  /** The channel, if the caller is a member (to post, react, run commands there). */
  public Channel writable(Caller caller, String channelId) {
    Channel channel = channels.get(channelId);
    if (caller.isSystemAdmin() || isMember(caller, channelId)) {
      return channel;
    }
    throw denied("post in channel '" + channelId + "' (join it first)");
  }

  public void requireTeamMember(Caller caller, String teamId) {
    teams.get(teamId);
    if (!caller.isSystemAdmin() && !isTeamMember(caller, teamId)) {
      throw denied("act in team '" + teamId + "' (join it first)");
    }
  }

  /** The caller is {@code userId}, or an administrator. */
  public void requireSelf(Caller caller, String userId) {
    if (!caller.isSystemAdmin() && !caller.userId().equals(userId)) {
      throw denied("act for user '" + userId + "'");
    }
  }

  public boolean isMember(Caller caller, String channelId) {
    return channels.findMember(channelId, caller.userId()).isPresent();
  }

  private boolean isTeamMember(Caller caller, String teamId) {
    return !teamId.isEmpty() && teams.findMember(teamId, caller.userId()).filter(m -> m.getDeleteAt() == 0)
        .isPresent();
  }

  static AppErrorException denied(String what) {
    return AppErrorException.forbidden("api.context.permissions.app_error",
        "You do not have the appropriate permissions to " + what + ".");
  }
}
