package dev.pyplugins.sample.rest;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.ChannelMember;
import dev.pyplugins.protocol.v1.CommandArgs;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.Reaction;
import dev.pyplugins.protocol.v1.Team;
import dev.pyplugins.protocol.v1.TeamMember;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.sample.api.SampleHostApi;
import java.util.List;

/**
 * The REST subset, mounted at {@code /api/v4}: each route parses its JSON and calls the same
 * {@link SampleHostApi} method a plugin would, so REST calls fire the same hooks.
 *
 * <pre>
 * POST /users                      {"username":"alice","email":"alice@example.com"}   UserHasBeenCreated
 * GET  /users/{id}
 * GET  /users/{id}/ephemeral       the user's recent ephemeral posts (from commands and plugins)
 * POST /teams                      {"name":"eng","display_name":"Engineering"}
 * POST /teams/{id}/members         {"user_id":"..."}                                  UserHasJoinedTeam
 * POST /channels                   {"team_id":"...","name":"town-square","type":"O"} ChannelHasBeenCreated
 * POST /channels/direct            ["user id","user id"]
 * POST /channels/{id}/members      {"user_id":"..."}                                  UserHasJoinedChannel
 * GET  /channels/{id}/posts        ?page=0&amp;per_page=60, newest first
 * POST /posts                      {"channel_id":"...","user_id":"...","message":"hi"} MessageWillBePosted, ...HasBeenPosted
 * GET  /posts/{id}/thread
 * PUT  /posts/{id}                 {"message":"edited"}                               MessageWillBeUpdated, ...HasBeenUpdated
 * DELETE /posts/{id}                                                                  MessageHasBeenDeleted
 * POST /reactions                  {"user_id":"...","post_id":"...","emoji_name":"+1"} ReactionHasBeenAdded
 * POST /commands/execute           {"command":"/hello","channel_id":"...","user_id":"..."} ExecuteCommand
 * GET  /plugins/statuses
 * POST /plugins/{id}/restart
 * PUT  /plugins/{id}/config        any JSON object                                    OnConfigurationChange
 * </pre>
 */
public final class RestApi {
  private static final String ID = "(?<id>[A-Za-z0-9]+)";
  private static final String PLUGIN_ID = "(?<id>[A-Za-z0-9._-]+)";

  private RestApi() {
  }

  public static RestServlet servlet(SampleHostApi api, PluginAdmin plugins) {
    return new RestServlet()
        .route("POST", "/users", 201, r -> api.createUser(r.body(User.newBuilder()).build()))
        .route("GET", "/users/" + ID, r -> api.getUser(r.path("id")))
        .route("GET", "/users/" + ID + "/ephemeral", r -> api.ephemeralPosts().forUser(r.path("id")))
        .route("POST", "/teams", 201, r -> api.createTeam(r.body(Team.newBuilder()).build()))
        .route("POST", "/teams/" + ID + "/members", 201, r -> api.createTeamMember(r.path("id"),
            r.body(TeamMember.newBuilder()).getUserId()))
        .route("POST", "/channels", 201, r -> api.createChannel(r.body(Channel.newBuilder()).build()))
        .route("POST", "/channels/direct", 201, r -> direct(api, r.body(ListValue.newBuilder()).build()))
        .route("POST", "/channels/" + ID + "/members", 201, r -> api.addChannelMember(r.path("id"),
            r.body(ChannelMember.newBuilder()).getUserId()))
        .route("GET", "/channels/" + ID + "/posts", r -> api.getPostsForChannel(r.path("id"),
            r.queryInt("page", 0), r.queryInt("per_page", 60)))
        .route("POST", "/posts", 201, r -> api.createPost(r.body(Post.newBuilder()).build()))
        .route("GET", "/posts/" + ID + "/thread", r -> api.getPostThread(r.path("id")))
        .route("PUT", "/posts/" + ID, r -> api.updatePost(r.body(api.getPost(r.path("id")).toBuilder()).build()))
        .route("DELETE", "/posts/" + ID, r -> {
          api.deletePost(r.path("id"));
          return null;
        })
        .route("POST", "/reactions", 201, r -> api.addReaction(r.body(Reaction.newBuilder()).build()))
        .route("POST", "/commands/execute", r -> api.executeSlashCommand(r.body(CommandArgs.newBuilder()).build()))
        .route("GET", "/plugins/statuses", r -> plugins.statuses().stream().map(RestApi::struct).toList())
        .route("POST", "/plugins/" + PLUGIN_ID + "/restart", r -> plugins.restart(r.path("id")).map(RestApi::struct)
            .orElseThrow(() -> AppErrorException.notFound("app.plugin.not_installed.app_error",
                "No plugin '" + r.path("id") + "'.")))
        .route("PUT", "/plugins/" + PLUGIN_ID + "/config", r -> {
          api.pluginSettings().save(r.path("id"), r.body(Struct.newBuilder()).build());
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
