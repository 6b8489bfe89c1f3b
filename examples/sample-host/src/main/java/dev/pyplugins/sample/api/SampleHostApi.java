package dev.pyplugins.sample.api;

import com.google.protobuf.ByteString;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Bot;
import dev.pyplugins.protocol.v1.BotGetOptions;
import dev.pyplugins.protocol.v1.BotPatch;
import dev.pyplugins.protocol.v1.Command;
import dev.pyplugins.protocol.v1.CommandArgs;
import dev.pyplugins.protocol.v1.CommandResponse;
import dev.pyplugins.protocol.v1.PluginApiServer;
import dev.pyplugins.protocol.v1.PluginKVSetOptions;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.PostList;
import dev.pyplugins.protocol.v1.Reaction;
import dev.pyplugins.protocol.v1.UnsupportedPluginApi;
import dev.pyplugins.protocol.v1.WebsocketBroadcast;
import dev.pyplugins.runtime.HookDispatcher;
import dev.pyplugins.runtime.support.PluginCaller;
import dev.pyplugins.sample.db.Database;
import dev.pyplugins.sample.hooks.HookEvents;
import dev.pyplugins.sample.live.LiveEvents;
import dev.pyplugins.sample.store.BotStore;
import dev.pyplugins.sample.store.KvStore;
import dev.pyplugins.sample.store.PostStore;
import dev.pyplugins.sample.store.ReactionStore;
import java.time.Clock;
import java.util.function.Function;
import java.util.List;
import org.slf4j.event.Level;

/**
 * The sample host's Plugin API: what a plugin's {@code self.api.xxx(...)} ends up calling. Each method
 * hands over to a store (reads, plain writes) or to an area that also fires hooks ({@link Directory},
 * {@link Messaging}, {@link SlashCommands}, {@link PluginSettings}). The REST layer calls the same methods,
 * so a request from a browser and a call from a plugin behave alike. Users, teams and channels are
 * implemented in {@link DirectoryApi}, the layer below; posts, the KV store, bots, commands and settings here.
 *
 * <p>Methods not overridden answer the 501 AppError of {@link UnsupportedPluginApi}. Methods about "this
 * plugin" (KV store, configuration, commands, bots it owns) use the caller the runtime authenticated
 * ({@link PluginApiServer#caller()}), never an id from the request. Thread-safe.
 */
public final class SampleHostApi extends DirectoryApi {
  /** The Mattermost server version the sample host claims to be (plugins check it in OnActivate). */
  public static final String SERVER_VERSION = "10.11.0";

  private final PostStore posts;
  private final ReactionStore reactions;
  private final KvStore kv;
  private final BotStore bots;
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
    this(Stores.open(database, clock), new HookEvents(dispatcher), settingsDefaults, live);
  }

  private SampleHostApi(Stores stores, HookEvents events, Function<String, Struct> settingsDefaults,
      LiveEvents live) {
    super(stores, events, live);
    this.live = live;
    posts = stores.posts();
    reactions = stores.reactions();
    kv = stores.kv();
    bots = stores.bots();
    ephemeral = new EphemeralPosts(live);
    messaging = new Messaging(stores.users(), stores.channels(), posts, reactions, events, live);
    commands = new SlashCommands(events, messaging, ephemeral);
    settings = new PluginSettings(stores.pluginConfigs(), events, settingsDefaults);
  }

  /** The registered slash commands (the host forgets a plugin's commands when it stops). */
  public SlashCommands slashCommands() {
    return commands;
  }

  /** Each user's recent ephemeral posts. */
  public EphemeralPosts ephemeralPosts() {
    return ephemeral;
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
