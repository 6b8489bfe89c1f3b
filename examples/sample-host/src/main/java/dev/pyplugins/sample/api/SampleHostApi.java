package dev.pyplugins.sample.api;

import com.google.protobuf.ByteString;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Bot;
import dev.pyplugins.protocol.v1.BotGetOptions;
import dev.pyplugins.protocol.v1.BotPatch;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.ChannelMember;
import dev.pyplugins.protocol.v1.ChannelStats;
import dev.pyplugins.protocol.v1.Command;
import dev.pyplugins.protocol.v1.CommandArgs;
import dev.pyplugins.protocol.v1.CommandResponse;
import dev.pyplugins.protocol.v1.PluginApiServer;
import dev.pyplugins.protocol.v1.PluginKVSetOptions;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.PostList;
import dev.pyplugins.protocol.v1.Preference;
import dev.pyplugins.protocol.v1.Reaction;
import dev.pyplugins.protocol.v1.Team;
import dev.pyplugins.protocol.v1.TeamMember;
import dev.pyplugins.protocol.v1.UnsupportedPluginApi;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.protocol.v1.UserGetOptions;
import dev.pyplugins.protocol.v1.WebsocketBroadcast;
import dev.pyplugins.runtime.HookDispatcher;
import dev.pyplugins.runtime.support.PluginCaller;
import dev.pyplugins.sample.auth.Credentials;
import dev.pyplugins.sample.auth.Passwords;
import dev.pyplugins.sample.auth.SessionStore;
import dev.pyplugins.sample.db.Database;
import dev.pyplugins.sample.hooks.HookEvents;
import dev.pyplugins.sample.live.LiveEvents;
import dev.pyplugins.sample.store.BotStore;
import dev.pyplugins.sample.store.ChannelStore;
import dev.pyplugins.sample.store.KvStore;
import dev.pyplugins.sample.store.PluginConfigStore;
import dev.pyplugins.sample.store.PostStore;
import dev.pyplugins.sample.store.PreferenceStore;
import dev.pyplugins.sample.store.ReactionStore;
import dev.pyplugins.sample.store.TeamStore;
import dev.pyplugins.sample.store.UserStore;
import java.time.Clock;
import java.util.function.Function;
import java.util.List;
import org.slf4j.event.Level;

/**
 * The sample host's Plugin API: what a plugin's {@code self.api.xxx(...)} ends up calling. Each method
 * hands over to a store (reads, plain writes) or to an area that also fires hooks ({@link Directory},
 * {@link Messaging}, {@link SlashCommands}, {@link PluginSettings}). The REST layer calls the same methods,
 * so a request from a browser and a call from a plugin behave alike.
 *
 * <p>Methods not overridden here answer the 501 AppError of {@link UnsupportedPluginApi}. Methods about "this
 * plugin" (KV store, configuration, commands, bots it owns) use the caller the runtime authenticated
 * ({@link PluginApiServer#caller()}), never an id from the request. Thread-safe.
 */
public final class SampleHostApi extends UnsupportedPluginApi {
  /** The Mattermost server version the sample host claims to be (plugins check it in OnActivate). */
  public static final String SERVER_VERSION = "10.11.0";

  private final UserStore users;
  private final TeamStore teams;
  private final ChannelStore channels;
  private final PostStore posts;
  private final ReactionStore reactions;
  private final KvStore kv;
  private final BotStore bots;
  private final PreferenceStore preferences;
  private final HookEvents events;
  private final Directory directory;
  private final Messaging messaging;
  private final EphemeralPosts ephemeral;
  private final LiveEvents live;
  private final SlashCommands commands;
  private final PluginSettings settings;

  public SampleHostApi(Database database, HookDispatcher dispatcher, Clock clock) {
    this(database, dispatcher, clock, pluginId -> Struct.getDefaultInstance(), LiveEvents.none());
  }

  /**
   * @param settingsDefaults each plugin's declared setting defaults, by plugin id (from its manifest)
   * @param live where clients hear of new posts, edits, reactions, ephemeral posts and plugin events
   */
  public SampleHostApi(Database database, HookDispatcher dispatcher, Clock clock,
      Function<String, Struct> settingsDefaults, LiveEvents live) {
    super("the sample host");
    this.live = live;
    ephemeral = new EphemeralPosts(live);
    users = new UserStore(database);
    teams = new TeamStore(database);
    channels = new ChannelStore(database);
    posts = new PostStore(database);
    reactions = new ReactionStore(database);
    kv = new KvStore(database, clock);
    bots = new BotStore(database, users);
    preferences = new PreferenceStore(database);
    events = new HookEvents(dispatcher);
    directory = new Directory(users, teams, channels, events, new Credentials(database, new Passwords()),
        new SessionStore(database, clock), live);
    messaging = new Messaging(users, channels, posts, reactions, events, live);
    commands = new SlashCommands(events, messaging, ephemeral);
    settings = new PluginSettings(new PluginConfigStore(database), events, settingsDefaults);
  }

  /** The registered slash commands (the host forgets a plugin's commands when it stops). */
  public SlashCommands slashCommands() {
    return commands;
  }

  /** Each user's recent ephemeral posts. */
  public EphemeralPosts ephemeralPosts() {
    return ephemeral;
  }

  /** Users, teams, channels and memberships: the changes that fire hooks (REST creates users with passwords). */
  public Directory directory() {
    return directory;
  }

  /** Plugins' configurations, also saved by an administrator through REST. */
  public PluginSettings pluginSettings() {
    return settings;
  }

  // ---- server, logging ----------------------------------------------------------------------------------

  @Override public String getServerVersion() { return SERVER_VERSION; }

  @Override public void publishWebSocketEvent(String event, Struct payload, WebsocketBroadcast broadcast) {
    live.pluginEvent(caller(), event, payload, broadcast);
  }
  @Override public String getPluginID() { return caller(); }
  @Override public void logDebug(String message, List<Value> kv) { PluginLogs.log(caller(), Level.DEBUG, message, kv); }
  @Override public void logInfo(String message, List<Value> kv) { PluginLogs.log(caller(), Level.INFO, message, kv); }
  @Override public void logWarn(String message, List<Value> kv) { PluginLogs.log(caller(), Level.WARN, message, kv); }
  @Override public void logError(String message, List<Value> kv) { PluginLogs.log(caller(), Level.ERROR, message, kv); }

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

  // ---- posts, threads, reactions ------------------------------------------------------------------------

  @Override public Post createPost(Post post) { return messaging.createPost(post); }
  @Override public Post updatePost(Post post) { return messaging.updatePost(post); }
  @Override public void deletePost(String postId) { messaging.deletePost(postId); }
  @Override public Post getPost(String postId) { return posts.get(postId); }
  @Override public PostList getPostThread(String postId) { return posts.thread(postId); }

  @Override public PostList getPostsForChannel(String channelId, int page, int perPage) {
    return posts.forChannel(channelId, page, perPage);
  }

  @Override public PostList getPostsSince(String channelId, long since) { return posts.since(channelId, since); }

  @Override public PostList getPostsBefore(String channelId, String postId, int page, int perPage) {
    return posts.before(channelId, postId, page, perPage);
  }

  @Override public PostList getPostsAfter(String channelId, String postId, int page, int perPage) {
    return posts.after(channelId, postId, page, perPage);
  }

  @Override public Post sendEphemeralPost(String userId, Post post) { return ephemeral.send(userId, post); }
  @Override public Post updateEphemeralPost(String userId, Post post) { return ephemeral.send(userId, post); }
  @Override public void deleteEphemeralPost(String userId, String postId) { ephemeral.delete(userId, postId); }
  @Override public Reaction addReaction(Reaction reaction) { return messaging.addReaction(reaction); }
  @Override public void removeReaction(Reaction reaction) { messaging.removeReaction(reaction); }
  @Override public List<Reaction> getReactions(String postId) { return reactions.forPost(postId); }

  // ---- the calling plugin's KV store --------------------------------------------------------------------

  @Override public void kvSet(String key, ByteString value) { kv.set(caller(), key, value); }
  @Override public ByteString kvGet(String key) { return kv.get(caller(), key); }
  @Override public void kvDelete(String key) { kv.delete(caller(), key); }
  @Override public void kvDeleteAll() { kv.deleteAll(caller()); }
  @Override public List<String> kvList(int page, int perPage) { return kv.list(caller(), page, perPage); }

  @Override public void kvSetWithExpiry(String key, ByteString value, long seconds) {
    kv.setWithExpiry(caller(), key, value, seconds);
  }

  @Override public boolean kvSetWithOptions(String key, ByteString value, PluginKVSetOptions options) {
    return kv.setWithOptions(caller(), key, value, options);
  }

  @Override public boolean kvCompareAndSet(String key, ByteString oldValue, ByteString newValue) {
    return kv.compareAndSet(caller(), key, oldValue, newValue);
  }

  @Override public boolean kvCompareAndDelete(String key, ByteString oldValue) {
    return kv.compareAndDelete(caller(), key, oldValue);
  }

  // ---- bots ---------------------------------------------------------------------------------------------

  @Override public Bot createBot(Bot bot) { return bots.create(bot, caller()); }
  @Override public String ensureBotUser(Bot bot) { return bots.ensure(bot, caller()); }
  @Override public Bot getBot(String botUserId, boolean includeDeleted) { return bots.get(botUserId, includeDeleted); }
  @Override public List<Bot> getBots(BotGetOptions options) { return bots.list(options); }
  @Override public Bot patchBot(String botUserId, BotPatch patch) { return bots.patch(botUserId, patch); }
  @Override public Bot updateBotActive(String botUserId, boolean active) { return bots.setActive(botUserId, active); }
  @Override public void permanentDeleteBot(String botUserId) { bots.deletePermanently(botUserId); }

  // ---- slash commands, configuration --------------------------------------------------------------------

  @Override public void registerCommand(Command command) { commands.register(caller(), command); }

  @Override public void unregisterCommand(String teamId, String trigger) {
    commands.unregister(caller(), teamId, trigger);
  }

  @Override public List<Command> listPluginCommands(String teamId) { return commands.list(teamId); }
  @Override public CommandResponse executeSlashCommand(CommandArgs args) { return commands.execute(args); }
  @Override public Struct getPluginConfig() { return settings.get(caller()); }
  @Override public Struct loadPluginConfiguration() { return settings.effective(caller()); }
  @Override public void savePluginConfig(Struct config) { settings.save(caller(), config); }

  /** The plugin calling, as the runtime authenticated it; a 403 outside a plugin's call. */
  private static String caller() {
    return PluginApiServer.caller().map(PluginCaller::pluginId).orElseThrow(() -> AppErrorException.forbidden(
        "sample.api.caller_unknown", "Only a plugin may call this method (its caller is not authenticated)."));
  }
}
