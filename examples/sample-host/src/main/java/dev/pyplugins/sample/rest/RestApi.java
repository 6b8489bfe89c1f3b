package dev.pyplugins.sample.rest;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.ChannelMember;
import dev.pyplugins.protocol.v1.CommandArgs;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.Preference;
import dev.pyplugins.protocol.v1.Reaction;
import dev.pyplugins.protocol.v1.Team;
import dev.pyplugins.protocol.v1.TeamMember;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.sample.api.SampleHostApi;
import java.util.List;

/**
 * The REST subset, mounted at {@code /api/v4} with Mattermost's paths: each route parses its JSON and calls
 * the same {@link SampleHostApi} method a plugin would, so REST calls fire the same hooks. The table below
 * is the whole API (hooks fired on the right).
 *
 * <pre>
 * POST   /users                       {"username":"ann","email":"ann@example.com"}    UserHasBeenCreated
 * GET    /users/{id}, /users/username/{name}
 * PUT    /users/{id}/active           {"active":false}                               UserHasBeenDeactivated
 * GET    /users/{id}/preferences
 * PUT    /users/{id}/preferences      [{"category":"c","name":"n","value":"v"}]       PreferencesHaveChanged
 * GET    /users/{id}/ephemeral        the user's recent ephemeral posts (sample host only)
 * POST   /teams                       {"name":"demo","display_name":"Demo"}
 * GET    /teams/name/{name}
 * POST   /teams/{id}/members          {"user_id":"..."}                               UserHasJoinedTeam
 * DELETE /teams/{id}/members/{user}                                                  UserHasLeftTeam
 * POST   /channels                    {"team_id":"...","name":"town-square","type":"O"} ChannelHasBeenCreated
 * GET    /teams/{id}/channels/name/{name}
 * POST   /channels/direct             ["user id","user id"]                          ChannelHasBeenCreated (once)
 * POST   /channels/{id}/members       {"user_id":"..."}                               UserHasJoinedChannel
 * DELETE /channels/{id}/members/{user}                                               UserHasLeftChannel
 * GET    /channels/{id}/posts         ?page=0&amp;per_page=60, newest first
 * POST   /posts                       {"channel_id":"...","user_id":"...","message":"hi","root_id":""}
 *                                                                  MessageWillBePosted, MessageHasBeenPosted
 * GET    /posts/{id}, /posts/{id}/thread, /posts/{id}/reactions
 * PUT    /posts/{id}                  {"message":"edited"}          MessageWillBeUpdated, MessageHasBeenUpdated
 * DELETE /posts/{id}                                                                 MessageHasBeenDeleted
 * POST   /reactions                   {"user_id":"...","post_id":"...","emoji_name":"+1"} ReactionHasBeenAdded
 * DELETE /users/{user}/posts/{post}/reactions/{emoji}                                ReactionHasBeenRemoved
 * POST   /commands/execute            {"command":"/hello","channel_id":"...","user_id":"..."} ExecuteCommand
 * GET    /plugins/statuses
 * POST   /plugins/{id}/restart                                       OnDeactivate, OnActivate
 * PUT    /plugins/{id}/config         any JSON object                                OnConfigurationChange
 * </pre>
 */
public final class RestApi {
  private static final String ID = "(?<id>[A-Za-z0-9]+)";
  private static final String USER = "(?<user>[A-Za-z0-9]+)";
  private static final String NAME = "(?<name>[A-Za-z0-9._-]+)";
  private static final String PLUGIN_ID = "(?<id>[A-Za-z0-9._-]+)";

  private RestApi() {
  }

  public static RestServlet servlet(SampleHostApi api, PluginAdmin plugins) {
    RestServlet rest = new RestServlet();
    users(rest, api);
    teamsAndChannels(rest, api);
    posts(rest, api);
    rest.route("POST", "/commands/execute", r -> api.executeSlashCommand(r.body(CommandArgs.newBuilder()).build()))
        .route("GET", "/plugins/statuses", r -> plugins.statuses().stream().map(RestApi::struct).toList())
        .route("POST", "/plugins/" + PLUGIN_ID + "/restart", r -> plugins.restart(r.path("id")).map(RestApi::struct)
            .orElseThrow(() -> AppErrorException.notFound("app.plugin.not_installed.app_error",
                "No plugin '" + r.path("id") + "'.")))
        .route("PUT", "/plugins/" + PLUGIN_ID + "/config", r -> {
          api.pluginSettings().save(r.path("id"), r.body(Struct.newBuilder()).build());
          return null;
        });
    return rest;
  }

  private static void users(RestServlet rest, SampleHostApi api) {
    rest.route("POST", "/users", 201, r -> api.createUser(r.body(User.newBuilder()).build()))
        .route("GET", "/users/" + ID, r -> api.getUser(r.path("id")))
        .route("GET", "/users/username/" + NAME, r -> api.getUserByUsername(r.path("name")))
        .route("PUT", "/users/" + ID + "/active", r -> {
          Value active = r.body(Struct.newBuilder()).getFieldsOrDefault("active", Value.getDefaultInstance());
          if (!active.hasBoolValue()) {
            throw AppErrorException.badRequest("api.user.update_active.app_error", "Send {\"active\": true|false}.");
          }
          api.updateUserActive(r.path("id"), active.getBoolValue());
          return null;
        })
        .route("GET", "/users/" + ID + "/preferences", r -> api.getPreferencesForUser(r.path("id")))
        .route("PUT", "/users/" + ID + "/preferences", r -> {
          api.updatePreferencesForUser(r.path("id"),
              r.bodyList(Preference::newBuilder).stream().map(Preference.Builder::build).toList());
          return null;
        })
        .route("GET", "/users/" + ID + "/ephemeral", r -> api.ephemeralPosts().forUser(r.path("id")));
  }

  private static void teamsAndChannels(RestServlet rest, SampleHostApi api) {
    rest.route("POST", "/teams", 201, r -> api.createTeam(r.body(Team.newBuilder()).build()))
        .route("GET", "/teams/name/" + NAME, r -> api.getTeamByName(r.path("name")))
        .route("POST", "/teams/" + ID + "/members", 201, r -> api.createTeamMember(r.path("id"),
            r.body(TeamMember.newBuilder()).getUserId()))
        .route("DELETE", "/teams/" + ID + "/members/" + USER, r -> {
          api.deleteTeamMember(r.path("id"), r.path("user"), "");
          return null;
        })
        .route("POST", "/channels", 201, r -> api.createChannel(r.body(Channel.newBuilder()).build()))
        .route("GET", "/teams/" + ID + "/channels/name/" + NAME, r -> api.getChannelByName(r.path("id"),
            r.path("name"), false))
        .route("POST", "/channels/direct", 201, r -> direct(api, r.body(ListValue.newBuilder()).build()))
        .route("POST", "/channels/" + ID + "/members", 201, r -> api.addChannelMember(r.path("id"),
            r.body(ChannelMember.newBuilder()).getUserId()))
        .route("DELETE", "/channels/" + ID + "/members/" + USER, r -> {
          api.deleteChannelMember(r.path("id"), r.path("user"));
          return null;
        })
        .route("GET", "/channels/" + ID + "/posts", r -> api.getPostsForChannel(r.path("id"),
            r.queryInt("page", 0), r.queryInt("per_page", 60)));
  }

  private static void posts(RestServlet rest, SampleHostApi api) {
    rest.route("POST", "/posts", 201, r -> api.createPost(r.body(Post.newBuilder()).build()))
        .route("GET", "/posts/" + ID, r -> api.getPost(r.path("id")))
        .route("GET", "/posts/" + ID + "/thread", r -> api.getPostThread(r.path("id")))
        .route("GET", "/posts/" + ID + "/reactions", r -> api.getReactions(r.path("id")))
        .route("PUT", "/posts/" + ID, r -> {
          Post patch = r.body(Post.newBuilder()).build(); // the fields to change, as a partial post
          return api.updatePost(api.getPost(r.path("id")).toBuilder().mergeFrom(patch).build());
        })
        .route("DELETE", "/posts/" + ID, r -> {
          api.deletePost(r.path("id"));
          return null;
        })
        .route("POST", "/reactions", 201, r -> api.addReaction(r.body(Reaction.newBuilder()).build()))
        .route("DELETE", "/users/" + USER + "/posts/" + ID + "/reactions/" + NAME, r -> {
          api.removeReaction(Reaction.newBuilder().setUserId(r.path("user")).setPostId(r.path("id"))
              .setEmojiName(r.path("name")).build());
          return null;
        });
  }

  private static Channel direct(SampleHostApi api, ListValue userIds) {
    List<String> ids = userIds.getValuesList().stream().map(Value::getStringValue).toList();
    if (ids.size() != 2) {
      throw AppErrorException.badRequest("api.channel.create_direct_channel.invalid_user.app_error",
          "A direct channel takes a JSON array of two user ids.");
    }
    return api.getDirectChannel(ids.get(0), ids.get(1));
  }

  private static Struct struct(PluginAdmin.PluginInfo info) {
    return Struct.newBuilder()
        .putFields("id", Value.newBuilder().setStringValue(info.id()).build())
        .putFields("state", Value.newBuilder().setStringValue(info.state()).build())
        .putFields("restarts", Value.newBuilder().setNumberValue(info.restarts()).build())
        .putFields("problem", Value.newBuilder().setStringValue(info.problem()).build())
        .build();
  }
}
