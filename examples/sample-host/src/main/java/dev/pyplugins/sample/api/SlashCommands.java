package dev.pyplugins.sample.api;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Command;
import dev.pyplugins.protocol.v1.CommandArgs;
import dev.pyplugins.protocol.v1.CommandResponse;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.sample.hooks.HookEvents;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slash commands registered by plugins, routed to the owning plugin's ExecuteCommand. As in Mattermost,
 * registrations live in memory: a plugin registers its commands when it activates, and they go when it
 * stops. A command registered with no team answers in every team.
 */
public final class SlashCommands {
  private final Map<Key, Command> commands = new ConcurrentHashMap<>();
  private final HookEvents events;
  private final Messaging messaging;
  private final EphemeralPosts ephemeral;

  public SlashCommands(HookEvents events, Messaging messaging, EphemeralPosts ephemeral) {
    this.events = events;
    this.messaging = messaging;
    this.ephemeral = ephemeral;
  }

  /** Registers (or replaces) a command of {@code pluginId}; another plugin's trigger is refused. */
  public void register(String pluginId, Command command) {
    String trigger = command.getTrigger().toLowerCase(Locale.ROOT);
    if (trigger.isEmpty() || trigger.startsWith("/") || trigger.chars().anyMatch(Character::isWhitespace)) {
      throw AppErrorException.badRequest("model.command.is_valid.trigger.app_error", "Trigger '"
          + command.getTrigger() + "' must be a word without a leading '/'.");
    }
    Command stored = command.toBuilder().setTrigger(trigger).setPluginId(pluginId).build();
    Command kept = commands.merge(new Key(command.getTeamId(), trigger), stored,
        (old, fresh) -> old.getPluginId().equals(pluginId) ? fresh : old);
    if (kept != stored) {
      throw AppErrorException.badRequest("api.command.duplicate_trigger.app_error", "The command '/" + trigger
          + "' is registered by plugin '" + kept.getPluginId() + "'.");
    }
  }

  /** Removes a command of {@code pluginId}. */
  public void unregister(String pluginId, String teamId, String trigger) {
    Key key = new Key(teamId, trigger.toLowerCase(Locale.ROOT));
    Command existing = commands.get(key);
    if (existing == null || !existing.getPluginId().equals(pluginId)) {
      throw AppErrorException.notFound("api.command.unregister.not_found", "Plugin '" + pluginId
          + "' has no command '/" + trigger + "'" + (teamId.isEmpty() ? "." : " in team '" + teamId + "'."));
    }
    commands.remove(key, existing);
  }

  /** Forgets every command of a plugin (it stopped). */
  public void unregisterAll(String pluginId) {
    commands.values().removeIf(command -> command.getPluginId().equals(pluginId));
  }

  /** The plugin commands usable in {@code teamId} (its own and those of every team), by trigger. */
  public List<Command> list(String teamId) {
    return commands.entrySet().stream()
        .filter(e -> e.getKey().teamId().isEmpty() || e.getKey().teamId().equals(teamId))
        .map(Map.Entry::getValue).sorted(Comparator.comparing(Command::getTrigger)).toList();
  }

  /**
   * Runs {@code args.command} ("/trigger words...") through its plugin's ExecuteCommand, then acts on the
   * answer as Mattermost does: an {@code in_channel} text is posted to the channel as the user, any other
   * text is sent to the user as an ephemeral post.
   */
  public CommandResponse execute(CommandArgs args) {
    String text = args.getCommand().strip();
    if (!text.startsWith("/") || text.length() < 2) {
      throw AppErrorException.badRequest("api.command.execute_command.start.app_error",
          "A command starts with '/', was '" + args.getCommand() + "'.");
    }
    String trigger = text.substring(1).split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    Command command = find(args.getTeamId(), trigger).orElseThrow(() -> AppErrorException.notFound(
        "api.command.execute_command.not_found.app_error", "Command with a trigger of '/" + trigger
            + "' not found."));
    CommandResponse response = events.executeCommand(command.getPluginId(), args);
    if (!response.getText().isEmpty()) {
      String channelId = response.getChannelId().isEmpty() ? args.getChannelId() : response.getChannelId();
      Post post = Post.newBuilder().setChannelId(channelId).setUserId(args.getUserId()).setRootId(args.getRootId())
          .setMessage(response.getText()).setProps(response.getProps()).build();
      if (response.getResponseType().equals("in_channel")) {
        messaging.createPost(post);
      } else {
        ephemeral.send(args.getUserId(), post);
      }
    }
    return response;
  }

  private Optional<Command> find(String teamId, String trigger) {
    return Optional.ofNullable(commands.get(new Key(teamId, trigger)))
        .or(() -> Optional.ofNullable(commands.get(new Key("", trigger))));
  }

  private record Key(String teamId, String trigger) {
  }
}
