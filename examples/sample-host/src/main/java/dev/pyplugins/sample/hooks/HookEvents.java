package dev.pyplugins.sample.hooks;

import dev.pyplugins.protocol.v1.AppError;
import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.ChannelMember;
import dev.pyplugins.protocol.v1.CommandArgs;
import dev.pyplugins.protocol.v1.CommandResponse;
import dev.pyplugins.protocol.v1.HookName;
import dev.pyplugins.protocol.v1.Hooks;
import dev.pyplugins.protocol.v1.MessageWillBePostedResponse;
import dev.pyplugins.protocol.v1.MessageWillBeUpdatedResponse;
import dev.pyplugins.protocol.v1.PluginContext;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.Preference;
import dev.pyplugins.protocol.v1.Reaction;
import dev.pyplugins.protocol.v1.TeamMember;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.runtime.HookDispatcher;
import dev.pyplugins.runtime.support.HookCallException;
import dev.pyplugins.sample.db.Ids;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The hooks the sample host fires, typed. "Will be" hooks run plugin after plugin, each seeing the post as
 * the previous one left it, and the first rejection stops the chain (Mattermost's order and rules).
 * "Has been" hooks are notifications sent to all plugins at once; the host waits for them (up to each
 * hook's deadline) so that a client sees their effects when its request returns (Mattermost fires them in
 * the background). Thread-safe.
 */
public final class HookEvents {
  private final HookDispatcher dispatcher;

  public HookEvents(HookDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /**
   * Runs MessageWillBePosted through every plugin: the post to save, as the plugins changed it.
   *
   * @throws AppErrorException (400) when a plugin rejects the post, with its reason
   */
  public Post messageWillBePosted(Post post) {
    return chain(HookName.MESSAGE_WILL_BE_POSTED, post, (hooks, current) -> {
      MessageWillBePostedResponse answer = hooks.messageWillBePosted(context(), current);
      return new Verdict(answer.hasPost() ? answer.getPost() : null, answer.getRejectionReason());
    });
  }

  /** Runs MessageWillBeUpdated through every plugin, as {@link #messageWillBePosted}. */
  public Post messageWillBeUpdated(Post newPost, Post oldPost) {
    return chain(HookName.MESSAGE_WILL_BE_UPDATED, newPost, (hooks, current) -> {
      MessageWillBeUpdatedResponse answer = hooks.messageWillBeUpdated(context(), current, oldPost);
      return new Verdict(answer.hasPost() ? answer.getPost() : null, answer.getRejectionReason());
    });
  }

  /** What one plugin's "Will be" hook answered: a changed post (or null) and a rejection reason (or ""). */
  private record Verdict(Post changed, String rejectionReason) {}

  /** Calls one plugin's "Will be" hook on the post as the chain has it so far. */
  @FunctionalInterface
  private interface PostFilter {
    Verdict apply(Hooks hooks, Post current);
  }

  /** Runs {@code hook} plugin after plugin; each sees the post as the last left it; the first rejection stops it. */
  private Post chain(HookName hook, Post post, PostFilter filter) {
    AtomicReference<Post> current = new AtomicReference<>(post);
    AtomicReference<AppErrorException> rejection = new AtomicReference<>();
    dispatcher.runMultiHook(hook, (pluginId, hooks) -> {
      Verdict verdict = filter.apply(hooks, current.get());
      if (!verdict.rejectionReason().isEmpty()) {
        rejection.set(rejected(hook, pluginId, verdict.rejectionReason()));
        return false;
      }
      if (verdict.changed() != null) {
        current.set(verdict.changed());
      }
      return true;
    });
    if (rejection.get() != null) {
      throw rejection.get();
    }
    return current.get();
  }

  public void messageHasBeenPosted(Post post) {
    dispatcher.broadcast(HookName.MESSAGE_HAS_BEEN_POSTED, (id, hooks) -> hooks.messageHasBeenPosted(context(), post));
  }

  public void messageHasBeenUpdated(Post newPost, Post oldPost) {
    dispatcher.broadcast(HookName.MESSAGE_HAS_BEEN_UPDATED,
        (id, hooks) -> hooks.messageHasBeenUpdated(context(), newPost, oldPost));
  }

  public void messageHasBeenDeleted(Post post) {
    dispatcher.broadcast(HookName.MESSAGE_HAS_BEEN_DELETED, (id, hooks) -> hooks.messageHasBeenDeleted(context(), post));
  }

  public void userHasBeenCreated(User user) {
    dispatcher.broadcast(HookName.USER_HAS_BEEN_CREATED, (id, hooks) -> hooks.userHasBeenCreated(context(), user));
  }

  public void userHasBeenDeactivated(User user) {
    dispatcher.broadcast(HookName.USER_HAS_BEEN_DEACTIVATED, (id, hooks) -> hooks.userHasBeenDeactivated(context(), user));
  }

  public void channelHasBeenCreated(Channel channel) {
    dispatcher.broadcast(HookName.CHANNEL_HAS_BEEN_CREATED, (id, hooks) -> hooks.channelHasBeenCreated(context(), channel));
  }

  /** @param actor who added the member, or null when they joined by themselves */
  public void userHasJoinedChannel(ChannelMember member, User actor) {
    dispatcher.broadcast(HookName.USER_HAS_JOINED_CHANNEL,
        (id, hooks) -> hooks.userHasJoinedChannel(context(), member, actor));
  }

  /** @param actor who removed the member, or null when they left by themselves */
  public void userHasLeftChannel(ChannelMember member, User actor) {
    dispatcher.broadcast(HookName.USER_HAS_LEFT_CHANNEL, (id, hooks) -> hooks.userHasLeftChannel(context(), member, actor));
  }

  /** @param actor who added the member, or null when they joined by themselves */
  public void userHasJoinedTeam(TeamMember member, User actor) {
    dispatcher.broadcast(HookName.USER_HAS_JOINED_TEAM, (id, hooks) -> hooks.userHasJoinedTeam(context(), member, actor));
  }

  /** @param actor who removed the member, or null when they left by themselves */
  public void userHasLeftTeam(TeamMember member, User actor) {
    dispatcher.broadcast(HookName.USER_HAS_LEFT_TEAM, (id, hooks) -> hooks.userHasLeftTeam(context(), member, actor));
  }

  public void reactionHasBeenAdded(Reaction reaction) {
    dispatcher.broadcast(HookName.REACTION_HAS_BEEN_ADDED, (id, hooks) -> hooks.reactionHasBeenAdded(context(), reaction));
  }

  public void reactionHasBeenRemoved(Reaction reaction) {
    dispatcher.broadcast(HookName.REACTION_HAS_BEEN_REMOVED,
        (id, hooks) -> hooks.reactionHasBeenRemoved(context(), reaction));
  }

  public void preferencesHaveChanged(List<Preference> preferences) {
    dispatcher.broadcast(HookName.PREFERENCES_HAVE_CHANGED,
        (id, hooks) -> hooks.preferencesHaveChanged(context(), preferences));
  }

  /** Tells one plugin that its configuration changed (OnConfigurationChange), if it is active. */
  public void configurationChanged(String pluginId) {
    dispatcher.hooks(pluginId).ifPresent(Hooks::onConfigurationChange);
  }

  /**
   * Runs a plugin's ExecuteCommand. An error the plugin answers with passes through as it is.
   *
   * @throws AppErrorException 503 when the plugin is not active or could not be reached
   */
  public CommandResponse executeCommand(String pluginId, CommandArgs args) {
    Hooks hooks = dispatcher.hooks(pluginId).orElseThrow(() -> AppErrorException.of(503,
        "api.command.execute_command.plugin_inactive", "The plugin '" + pluginId + "' that owns this command "
            + "is not running."));
    try {
      return hooks.executeCommand(context(), args);
    } catch (HookCallException e) {
      throw new AppErrorException(AppError.newBuilder().setStatusCode(503)
          .setId("api.command.execute_command.plugin_failed").setMessage("The plugin '" + pluginId
              + "' did not answer the command.").setDetailedError(e.getMessage()).build());
    }
  }

  private static AppErrorException rejected(HookName hook, String pluginId, String reason) {
    return new AppErrorException(AppError.newBuilder().setStatusCode(400)
        .setId("plugin." + hook.rpcName() + ".rejected").setMessage("Post rejected by plugin. " + reason)
        .setDetailedError("rejected by plugin " + pluginId).setWhere(hook.rpcName()).build());
  }

  private static PluginContext context() {
    return PluginContext.newBuilder().setRequestId(Ids.newId()).build();
  }
}
