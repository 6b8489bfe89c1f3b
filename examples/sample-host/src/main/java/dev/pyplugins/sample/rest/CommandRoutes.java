package dev.pyplugins.sample.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyplugins.protocol.v1.AutocompleteData;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.Command;
import dev.pyplugins.protocol.v1.CommandArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Slash commands: running one, listing the commands plugins registered, and the autocomplete suggestions
 * Mattermost's clients show while "/..." is typed (root triggers, then the sub-commands of the command's
 * autocomplete data).
 */
final class CommandRoutes {
  private static final String TEAM = "(?<team>[A-Za-z0-9]+)";

  private CommandRoutes() {
  }

  static void add(RestServlet rest, RestParts parts) {
    var api = parts.api();
    rest.route("POST", "/commands/execute", r -> {
          CommandArgs args = r.body(CommandArgs.newBuilder()).setUserId(r.caller().userId()).build();
          Channel channel = parts.access().writable(r.caller(), args.getChannelId());
          if (args.getTeamId().isEmpty()) {
            args = args.toBuilder().setTeamId(channel.getTeamId()).build();
          }
          return api.executeSlashCommand(args);
        })
        .route("GET", "/commands", r -> api.listPluginCommands(r.query("team_id", "")).stream()
            .map(CommandRoutes::clean).toList())
        .route("GET", "/teams/" + TEAM + "/commands/autocomplete", r -> api.listPluginCommands(r.path("team"))
            .stream().filter(Command::getAutoComplete).map(CommandRoutes::clean).toList())
        .route("GET", "/teams/" + TEAM + "/commands/autocomplete_suggestions", r -> suggestions(
            api.listPluginCommands(r.path("team")), r.query("user_input", "")));
  }

  /** Suggestions for what the user typed so far, in Mattermost's AutocompleteSuggestion shape. */
  static List<ObjectNode> suggestions(List<Command> commands, String typed) {
    List<ObjectNode> found = new ArrayList<>();
    if (!typed.startsWith("/")) {
      return found;
    }
    String input = typed.substring(1).toLowerCase(Locale.ROOT);
    int space = input.indexOf(' ');
    for (Command command : commands) {
      if (!command.getAutoComplete()) {
        continue;
      }
      if (space < 0 && command.getTrigger().startsWith(input)) {
        found.add(suggestion(command.getTrigger(), "/" + command.getTrigger(), command.getAutoCompleteHint(),
            command.getAutoCompleteDesc()));
      } else if (space > 0 && command.getTrigger().equals(input.substring(0, space))
          && command.hasAutocompleteData()) {
        String rest = input.substring(space + 1);
        for (AutocompleteData sub : command.getAutocompleteData().getSubCommandsList()) {
          if (sub.getTrigger().toLowerCase(Locale.ROOT).startsWith(rest)) {
            found.add(suggestion(command.getTrigger() + " " + sub.getTrigger(), sub.getTrigger(), sub.getHint(),
                sub.getHelpText()));
          }
        }
      }
    }
    return found;
  }

  private static ObjectNode suggestion(String complete, String suggestion, String hint, String description) {
    ObjectNode node = MattermostJson.MAPPER.createObjectNode();
    node.put("Complete", complete);
    node.put("Suggestion", suggestion);
    node.put("Hint", hint);
    node.put("Description", description);
    node.put("IconData", "");
    return node;
  }

  /** A command as clients see it: without its outgoing-webhook token. */
  private static Command clean(Command command) {
    return command.toBuilder().clearToken().build();
  }
}
