package dev.pyplugins.sample.api;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.ChannelMember;
import dev.pyplugins.protocol.v1.ChannelStats;
import dev.pyplugins.protocol.v1.Preference;
import dev.pyplugins.protocol.v1.Team;
import dev.pyplugins.protocol.v1.TeamMember;
import dev.pyplugins.protocol.v1.UnsupportedPluginApi;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.protocol.v1.UserGetOptions;
import dev.pyplugins.sample.hooks.HookEvents;
import dev.pyplugins.sample.live.LiveEvents;
import dev.pyplugins.sample.store.ChannelStore;
import dev.pyplugins.sample.store.PreferenceStore;
import dev.pyplugins.sample.store.TeamStore;
import dev.pyplugins.sample.store.UserStore;
import java.util.List;

/**
 * The directory part of the sample host's Plugin API: users, preferences, teams, channels and their members.
 * {@link SampleHostApi} adds the rest (posts, the KV store, bots, commands, settings); the Plugin API is one
 * generated interface, so its implementation is split by area into these two layers.
 */
abstract class DirectoryApi extends UnsupportedPluginApi {
  private final UserStore users;
  private final TeamStore teams;
  private final ChannelStore channels;
  private final PreferenceStore preferences;
  private final HookEvents events;
  private final Directory directory;

  DirectoryApi(Stores stores, HookEvents events, LiveEvents live) {
    super("the sample host");
    users = stores.users();
    teams = stores.teams();
    channels = stores.channels();
    preferences = stores.preferences();
    this.events = events;
    directory = new Directory(users, teams, channels, events, stores.credentials(), stores.sessions(), live);
  }

  /** Users, teams, channels and memberships: the changes that fire hooks (REST creates users with passwords). */
  public Directory directory() {
    return directory;
  }

  // ---- users and preferences ----------------------------------------------------------------------------

  @Override public User createUser(User user) { return directory.createUser(user); }
  @Override public User getUser(String userId) { return users.get(userId); }
  @Override public User getUserByEmail(String email) { return users.getByEmail(email); }
  @Override public User getUserByUsername(String name) { return users.getByUsername(name); }
  @Override public List<User> getUsersByIds(List<String> ids) { return users.getByIds(ids); }
  @Override public List<User> getUsersByUsernames(List<String> names) { return users.getByUsernames(names); }
  @Override public List<User> getUsers(UserGetOptions options) { return users.list(options); }

  @Override public List<User> getUsersInTeam(String teamId, int page, int perPage) {
    return users.list(UserGetOptions.newBuilder().setInTeamId(teamId).setPage(page).setPerPage(perPage).build());
  }

  @Override public List<User> getUsersInChannel(String channelId, String sortBy, int page, int perPage) {
    return users.list(UserGetOptions.newBuilder().setInChannelId(channelId).setPage(page).setPerPage(perPage).build());
  }

  @Override public User updateUser(User user) { return users.update(user); }
  @Override public void updateUserActive(String userId, boolean active) { directory.setUserActive(userId, active); }
  @Override public void deleteUser(String userId) { directory.setUserActive(userId, false); }

  @Override public Preference getPreferenceForUser(String userId, String category, String name) {
    return preferences.get(userId, category, name);
  }

  @Override public List<Preference> getPreferencesForUser(String userId) { return preferences.forUser(userId); }

  @Override public void updatePreferencesForUser(String userId, List<Preference> list) {
    preferences.save(userId, list);
    events.preferencesHaveChanged(list.stream().map(p -> p.toBuilder().setUserId(userId).build()).toList());
  }

  @Override public void deletePreferencesForUser(String userId, List<Preference> list) {
    preferences.delete(userId, list);
  }

  // ---- teams --------------------------------------------------------------------------------------------

  @Override public Team createTeam(Team team) { return teams.create(team); }
  @Override public Team getTeam(String teamId) { return teams.get(teamId); }
  @Override public Team getTeamByName(String name) { return teams.getByName(name); }
  @Override public List<Team> getTeams() { return teams.list(); }
  @Override public List<Team> getTeamsForUser(String userId) { return teams.forUser(userId); }
  @Override public Team updateTeam(Team team) { return teams.update(team); }
  @Override public void deleteTeam(String teamId) { teams.delete(teamId); }

  @Override public TeamMember createTeamMember(String teamId, String userId) {
    return directory.joinTeam(teamId, userId, "");
  }

  @Override public List<TeamMember> createTeamMembers(String teamId, List<String> userIds, String requestorId) {
    return directory.joinTeam(teamId, userIds, requestorId);
  }

  @Override public void deleteTeamMember(String teamId, String userId, String requestorId) {
    directory.leaveTeam(teamId, userId, requestorId);
  }

  @Override public TeamMember getTeamMember(String teamId, String userId) { return teams.getMember(teamId, userId); }

  @Override public List<TeamMember> getTeamMembers(String teamId, int page, int perPage) {
    return teams.members(teamId, page, perPage);
  }

  @Override public List<TeamMember> getTeamMembersForUser(String userId, int page, int perPage) {
    return teams.membershipsOf(userId, page, perPage);
  }

  // ---- channels -----------------------------------------------------------------------------------------

  @Override public Channel createChannel(Channel channel) { return directory.createChannel(channel); }

  @Override public Channel getDirectChannel(String userId1, String userId2) {
    return directory.directChannel(userId1, userId2);
  }

  @Override public Channel getChannel(String channelId) { return channels.get(channelId); }

  @Override public Channel getChannelByName(String teamId, String name, boolean includeDeleted) {
    return channels.findByName(teamId, name).filter(c -> includeDeleted || c.getDeleteAt() == 0).orElseThrow(() ->
        AppErrorException.notFound("app.channel.get_by_name.missing.app_error", "No channel named '" + name + "'."));
  }

  @Override public Channel getChannelByNameForTeamName(String teamName, String channelName, boolean includeDeleted) {
    return getChannelByName(teams.getByName(teamName).getId(), channelName, includeDeleted);
  }

  @Override public List<Channel> getPublicChannelsForTeam(String teamId, int page, int perPage) {
    return channels.publicChannels(teamId, page, perPage);
  }

  @Override public List<Channel> getChannelsForTeamForUser(String teamId, String userId, boolean includeDeleted) {
    return channels.forTeamAndUser(teamId, userId, includeDeleted);
  }

  @Override public ChannelStats getChannelStats(String channelId) {
    channels.get(channelId);
    return ChannelStats.newBuilder().setChannelId(channelId).setMemberCount(channels.memberCount(channelId)).build();
  }

  @Override public Channel updateChannel(Channel channel) { return channels.update(channel); }

  @Override public void deleteChannel(String channelId) {
    channels.update(channels.get(channelId).toBuilder().setDeleteAt(System.currentTimeMillis()).build());
  }

  @Override public ChannelMember addChannelMember(String channelId, String userId) {
    return directory.joinChannel(channelId, userId, "");
  }

  @Override public ChannelMember addUserToChannel(String channelId, String userId, String asUserId) {
    return directory.joinChannel(channelId, userId, asUserId);
  }

  @Override public void deleteChannelMember(String channelId, String userId) {
    directory.leaveChannel(channelId, userId, "");
  }

  @Override public ChannelMember getChannelMember(String channelId, String userId) {
    return channels.getMember(channelId, userId);
  }

  @Override public List<ChannelMember> getChannelMembers(String channelId, int page, int perPage) {
    return channels.members(channelId, page, perPage);
  }

  @Override public List<ChannelMember> getChannelMembersForUser(String teamId, String userId, int page, int perPage) {
    return channels.membershipsOf(teamId, userId, page, perPage);
  }
}
