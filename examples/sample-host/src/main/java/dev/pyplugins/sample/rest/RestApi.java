package dev.pyplugins.sample.rest;

import dev.pyplugins.sample.auth.RequestAuth;

/**
 * The REST API under {@code /api/v4}, with Mattermost's paths and JSON so that Mattermost's own client
 * ({@code @mattermost/client}'s Client4) works against it. Each route calls the same
 * {@link dev.pyplugins.sample.api.SampleHostApi} method a plugin would, so REST calls fire the same hooks.
 * Every route but login, logout, ping and the client config needs a session (see {@link RestServlet});
 * {@code me} stands for the caller in user paths. The whole table (A: administrators only):
 *
 * <pre>
 * POST /users/login {"login_id","password"}  (Token header, MMAUTHTOKEN/MMUSERID/MMCSRF cookies)   POST /users/logout
 * GET  /users/me, /users/{id}, /users/username/{name}, /users?in_team&amp;in_channel&amp;page&amp;per_page, /users/{id}/image
 * POST /users (A, with "password") UserHasBeenCreated     POST /users/ids, /users/usernames
 * PUT  /users/{id}/active UserHasBeenDeactivated           PUT  /users/{id}/password
 * GET  /users/{id}/teams, /users/{id}/teams/members, /users/{id}/teams/{team}/channels[/members]
 * GET|PUT /users/{id}/preferences PreferencesHaveChanged   GET  /users/{id}/ephemeral (sample host only)
 * POST /teams (A)   GET /teams, /teams/{id}, /teams/name/{name}, /teams/{id}/members[/{user}], /teams/{id}/channels
 * POST /teams/{id}/members UserHasJoinedTeam                DELETE /teams/{id}/members/{user} UserHasLeftTeam
 * GET  /teams/{id}/channels/name/{name}
 * POST /channels ChannelHasBeenCreated   GET /channels/{id}   DELETE /channels/{id} (A)   GET /channels/{id}/stats
 * POST /channels/direct ["id","id"] ChannelHasBeenCreated (once)
 * GET  /channels/{id}/members[/{user}]   POST /channels/{id}/members UserHasJoinedChannel
 * DELETE /channels/{id}/members/{user} UserHasLeftChannel   POST /channels/members/{user}/view
 * GET  /channels/{id}/posts ?page&amp;per_page | ?since | ?before | ?after  (PostList {order, posts, ...})
 * POST /posts MessageWillBePosted, MessageHasBeenPosted    GET /posts/{id}, /posts/{id}/thread, /posts/{id}/reactions
 * PUT  /posts/{id}, /posts/{id}/patch MessageWillBeUpdated, MessageHasBeenUpdated
 * DELETE /posts/{id} MessageHasBeenDeleted   POST /posts/ids   POST /posts/ephemeral (A)
 * POST /reactions ReactionHasBeenAdded       DELETE /users/{user}/posts/{post}/reactions/{emoji} ReactionHasBeenRemoved
 * POST /commands/execute ExecuteCommand      GET /commands?team_id, /teams/{id}/commands/autocomplete[_suggestions]
 * GET  /plugins (A), /plugins/statuses (A), /plugins/webapp     POST /plugins (A, multipart bundle)
 * POST /plugins/{id}/enable|disable|restart (A)   DELETE /plugins/{id} (A)
 * GET  /plugins/{id}/logs, /plugins/{id}/hooks (A)   GET|PUT /plugins/{id}/config (A) OnConfigurationChange
 * GET  /config (A)   PUT /config/patch (A)   GET /system/ping   GET /config/client
 * GET  /websocket (WebSocket; see dev.pyplugins.sample.live)
 * </pre>
 */
public final class RestApi {
  private RestApi() {
  }

  public static RestServlet servlet(RestParts parts, RequestAuth auth, PluginAdmin plugins) {
    RestServlet rest = new RestServlet(auth, parts.server());
    SystemRoutes.add(rest, parts);
    UserRoutes.add(rest, parts);
    ChannelRoutes.add(rest, parts);
    PostRoutes.add(rest, parts);
    CommandRoutes.add(rest, parts);
    PluginRoutes.add(rest, plugins);
    return rest;
  }
}
