package dev.pyplugins.sample.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Preference;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.protocol.v1.UserGetOptions;
import dev.pyplugins.sample.auth.AuthCookies;
import dev.pyplugins.sample.auth.Caller;
import dev.pyplugins.sample.auth.Sessions;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Users, login and logout, preferences: Mattermost's {@code /users} routes. */
final class UserRoutes {
  private static final String ID = "(?<id>[A-Za-z0-9]+)";
  private static final String TEAM = "(?<team>[A-Za-z0-9]+)";

  private UserRoutes() {
  }

  static void add(RestServlet rest, RestParts parts) {
    var api = parts.api();
    rest.open("POST", "/users/login", r -> login(r, parts.sessions()))
        .open("POST", "/users/logout", r -> {
          r.optionalCaller().ifPresent(c -> parts.sessions().logout(c.session()));
          AuthCookies.clear(r.servletResponse(), r.servletRequest().isSecure());
          return null;
        })
        .add("POST", "/users", 201, RestServlet.Access.ADMIN, r -> clean(api.directory().createUser(
            r.body(User.newBuilder()).build())))
        .route("GET", "/users", r -> api.getUsers(UserGetOptions.newBuilder().setInTeamId(r.query("in_team", ""))
            .setInChannelId(r.query("in_channel", "")).setActive(r.query("active", "").equals("true"))
            .setPage(r.queryInt("page", 0)).setPerPage(r.queryInt("per_page", 60)).build())
            .stream().map(UserRoutes::clean).toList())
        .route("POST", "/users/ids", r -> api.getUsersByIds(r.stringList()).stream().map(UserRoutes::clean).toList())
        .route("POST", "/users/usernames", r -> api.getUsersByUsernames(r.stringList()).stream()
            .map(UserRoutes::clean).toList())
        .route("GET", "/users/username/(?<name>[A-Za-z0-9._-]+)", r -> clean(api.getUserByUsername(r.path("name"))))
        .route("GET", "/users/" + ID, r -> clean(api.getUser(r.user("id"))))
        .route("GET", "/users/" + ID + "/image", r -> Avatar.of(api.getUser(r.user("id"))))
        .route("PUT", "/users/" + ID + "/active", r -> {
          parts.access().requireSelf(r.caller(), r.user("id"));
          JsonNode active = r.json().path("active");
          if (!active.isBoolean()) {
            throw AppErrorException.badRequest("api.user.update_active.app_error", "Send {\"active\": true|false}.");
          }
          api.updateUserActive(r.user("id"), active.asBoolean());
          return null;
        })
        .route("PUT", "/users/" + ID + "/password", r -> password(r, parts))
        .route("GET", "/users/" + ID + "/teams", r -> self(r, parts, () -> api.getTeamsForUser(r.user("id"))))
        .route("GET", "/users/" + ID + "/teams/members", r -> self(r, parts,
            () -> api.getTeamMembersForUser(r.user("id"), 0, 200)))
        // As Mattermost's: a team's channels of the user and the user's direct channels (which have no team).
        .route("GET", "/users/" + ID + "/teams/" + TEAM + "/channels", r -> self(r, parts, () -> {
          boolean deleted = r.query("include_deleted", "").equals("true");
          List<Object> all = new java.util.ArrayList<>(api.getChannelsForTeamForUser(r.path("team"), r.user("id"),
              deleted));
          all.addAll(parts.channels().forTeamAndUser("", r.user("id"), deleted));
          return all;
        }))
        .route("GET", "/users/" + ID + "/teams/" + TEAM + "/channels/members", r -> self(r, parts, () -> {
          List<Object> all = new java.util.ArrayList<>(api.getChannelMembersForUser(r.path("team"), r.user("id"), 0,
              1000));
          all.addAll(parts.channels().membershipsOf("", r.user("id"), 0, 1000));
          return all;
        }))
        .route("GET", "/users/" + ID + "/preferences", r -> self(r, parts,
            () -> api.getPreferencesForUser(r.user("id"))))
        .route("PUT", "/users/" + ID + "/preferences", r -> {
          parts.access().requireSelf(r.caller(), r.user("id"));
          api.updatePreferencesForUser(r.user("id"),
              r.bodyList(Preference::newBuilder).stream().map(Preference.Builder::build).toList());
          return null;
        })
        .route("GET", "/users/" + ID + "/ephemeral", r -> self(r, parts,
            () -> api.ephemeralPosts().forUser(r.user("id"))));
  }

  private static Object login(RestRequest r, Sessions sessions) throws java.io.IOException {
    JsonNode body = r.json();
    String loginId = body.path("login_id").asText(body.path("id").asText(""));
    Sessions.Login login = sessions.login(loginId, body.path("password").asText(""));
    r.servletResponse().setHeader("Token", login.session().getToken());
    AuthCookies.set(r.servletResponse(), login.session(), r.servletRequest().isSecure());
    return clean(login.user());
  }

  private static Object password(RestRequest r, RestParts parts) throws java.io.IOException {
    Caller caller = r.caller();
    String userId = r.user("id");
    parts.access().requireSelf(caller, userId);
    JsonNode body = r.json();
    if (!caller.isSystemAdmin() || caller.userId().equals(userId)) {
      String current = body.path("current_password").asText("");
      if (!parts.sessions().credentials().matches(userId, current)) {
        throw AppErrorException.badRequest("api.user.check_user_password.invalid.app_error",
            "The current password is wrong.");
      }
    }
    parts.api().directory().setPassword(userId, body.path("new_password").asText(""));
    return null;
  }

  private static Object self(RestRequest r, RestParts parts, java.util.function.Supplier<List<?>> read) {
    parts.access().requireSelf(r.caller(), r.user("id"));
    return read.get();
  }

  /** A user as clients see one: never a password hash or an MFA secret. */
  static User clean(User user) {
    return user.toBuilder().clearPassword().clearMfaSecret().build();
  }

  /** A user's picture: their initial on a colour of their id, as SVG. */
  static final class Avatar {
    private Avatar() {
    }

    static RestServlet.Raw of(User user) {
      String name = user.getUsername().isEmpty() ? "?" : user.getUsername().substring(0, 1).toUpperCase();
      int hue = Math.floorMod(user.getId().hashCode(), 360);
      String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\">"
          + "<rect width=\"64\" height=\"64\" fill=\"hsl(" + hue + ",55%,45%)\"/>"
          + "<text x=\"32\" y=\"42\" font-size=\"30\" text-anchor=\"middle\" fill=\"#fff\" font-family=\"sans-serif\">"
          + name.replace("&", "&amp;").replace("<", "&lt;") + "</text></svg>";
      return new RestServlet.Raw("image/svg+xml", svg.getBytes(StandardCharsets.UTF_8));
    }
  }

  static ObjectNode status(String text) {
    ObjectNode node = MattermostJson.MAPPER.createObjectNode();
    node.put("status", text);
    return node;
  }
}
