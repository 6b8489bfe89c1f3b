package dev.pyplugins.sample.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.ChannelMember;
import dev.pyplugins.protocol.v1.Team;
import dev.pyplugins.sample.auth.Caller;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Teams, channels, direct messages and memberships: Mattermost's {@code /teams} and {@code /channels} routes. */
final class ChannelRoutes {
  private static final String ID = "(?<id>[A-Za-z0-9]+)";
  private static final String USER = "(?<user>[A-Za-z0-9]+)";
  private static final String NAME = "(?<name>[A-Za-z0-9._-]+)";

  private ChannelRoutes() {
  }

  static void add(RestServlet rest, RestParts parts) {
    teams(rest, parts);
    channels(rest, parts);
  }

  private static void teams(RestServlet rest, RestParts parts) {
    var api = parts.api();
    var access = parts.access();
    rest.add("POST", "/teams", 201, RestServlet.Access.ADMIN, r -> api.createTeam(r.body(Team.newBuilder()).build()))
        .route("GET", "/teams", r -> api.getTeams())
        .route("GET", "/teams/" + ID, r -> api.getTeam(r.path("id")))
        .route("GET", "/teams/name/" + NAME, r -> api.getTeamByName(r.path("name")))
        .route("GET", "/teams/" + ID + "/members", r -> api.getTeamMembers(r.path("id"), r.queryInt("page", 0),
            r.queryInt("per_page", 60)))
        .route("GET", "/teams/" + ID + "/members/" + USER, r -> api.getTeamMember(r.path("id"), r.user("user")))
        .route("POST", "/teams/" + ID + "/members", 201, r -> {
          String userId = r.json().path("user_id").asText(r.caller().userId());
          Team team = api.getTeam(r.path("id"));
          if (!r.caller().isSystemAdmin() && !(userId.equals(r.caller().userId()) && team.getType().equals("O"))) {
            throw ChatAccess.denied("add members to team '" + team.getName() + "'");
          }
          return api.createTeamMember(team.getId(), userId);
        })
        .route("DELETE", "/teams/" + ID + "/members/" + USER, r -> {
          access.requireSelf(r.caller(), r.user("user"));
          api.deleteTeamMember(r.path("id"), r.user("user"), r.caller().userId());
          return null;
        })
        .route("GET", "/teams/" + ID + "/channels", r -> {
          access.requireTeamMember(r.caller(), r.path("id"));
          return api.getPublicChannelsForTeam(r.path("id"), r.queryInt("page", 0), r.queryInt("per_page", 60));
        })
        .route("GET", "/teams/" + ID + "/channels/name/" + NAME, r -> access.readable(r.caller(),
            api.getChannelByName(r.path("id"), r.path("name"), r.query("include_deleted", "").equals("true"))
                .getId()));
  }

  private static void channels(RestServlet rest, RestParts parts) {
    var api = parts.api();
    var access = parts.access();
    rest.route("POST", "/channels", 201, r -> {
          Channel wanted = r.body(Channel.newBuilder()).build();
          access.requireTeamMember(r.caller(), wanted.getTeamId());
          Channel created = api.createChannel(wanted.toBuilder().setCreatorId(r.caller().userId()).build());
          if (parts.teams().findMember(created.getTeamId(), r.caller().userId()).filter(m -> m.getDeleteAt() == 0)
              .isPresent()) {
            api.addChannelMember(created.getId(), r.caller().userId()); // the creator joins, as in Mattermost
          }
          return created;
        })
        .route("GET", "/channels/" + ID, r -> access.readable(r.caller(), r.path("id")))
        .admin("DELETE", "/channels/" + ID, r -> {
          api.deleteChannel(r.path("id"));
          return null;
        })
        .route("POST", "/channels/direct", 201, r -> {
          List<String> ids = r.stringList();
          if (ids.size() != 2) {
            throw AppErrorException.badRequest("api.channel.create_direct_channel.invalid_user.app_error",
                "A direct channel takes a JSON array of two user ids.");
          }
          if (!r.caller().isSystemAdmin() && !ids.contains(r.caller().userId())) {
            throw ChatAccess.denied("open a direct channel between two other users");
          }
          return api.getDirectChannel(ids.get(0), ids.get(1));
        })
        .route("GET", "/channels/" + ID + "/members", r -> {
          access.readable(r.caller(), r.path("id"));
          return api.getChannelMembers(r.path("id"), r.queryInt("page", 0), r.queryInt("per_page", 60));
        })
        .route("GET", "/channels/" + ID + "/members/" + USER, r -> {
          access.readable(r.caller(), r.path("id"));
          return api.getChannelMember(r.path("id"), r.user("user"));
        })
        .route("POST", "/channels/" + ID + "/members", 201, r -> join(r, parts))
        .route("DELETE", "/channels/" + ID + "/members/" + USER, r -> {
          access.requireSelf(r.caller(), r.user("user"));
          api.deleteChannelMember(r.path("id"), r.user("user"));
          return null;
        })
        .route("GET", "/channels/" + ID + "/stats", r -> {
          access.readable(r.caller(), r.path("id"));
          ObjectNode stats = MattermostJson.tree(api.getChannelStats(r.path("id")));
          stats.put("guest_count", 0);
          stats.put("pinnedpost_count", 0);
          stats.put("files_count", 0);
          return stats;
        })
        .route("POST", "/channels/members/" + USER + "/view", r -> {
          access.requireSelf(r.caller(), r.user("user"));
          ObjectNode answer = UserRoutes.status("OK");
          answer.putObject("last_viewed_at_times");
          return answer;
        })
        .route("GET", "/channels/" + ID + "/posts", r -> PostRoutes.channelPosts(r, parts));
  }

  /** Adds one member ({@code user_id}) or several ({@code user_ids}); one answers the member, several a list. */
  private static Object join(RestRequest r, RestParts parts) throws IOException {
    Caller caller = r.caller();
    Channel channel = parts.api().getChannel(r.path("id"));
    JsonNode body = r.json();
    List<String> userIds = new ArrayList<>();
    body.path("user_ids").forEach(id -> userIds.add(id.asText()));
    boolean many = !userIds.isEmpty();
    if (!many) {
      userIds.add(body.path("user_id").asText(caller.userId()));
    }
    boolean selfIntoOpen = userIds.equals(List.of(caller.userId())) && channel.getType().equals("O");
    if (!caller.isSystemAdmin() && !selfIntoOpen && !parts.access().isMember(caller, channel.getId())) {
      throw ChatAccess.denied("add members to channel '" + channel.getName() + "'");
    }
    List<ChannelMember> added = new ArrayList<>();
    for (String userId : userIds) {
      added.add(parts.api().addUserToChannel(channel.getId(), userId, caller.userId()));
    }
    return many ? added : added.get(0);
  }
}
