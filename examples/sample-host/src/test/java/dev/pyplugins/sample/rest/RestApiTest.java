package dev.pyplugins.sample.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.protocol.v1.AppError;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.Command;
import dev.pyplugins.protocol.v1.CommandArgs;
import dev.pyplugins.protocol.v1.CommandResponse;
import dev.pyplugins.protocol.v1.HookName;
import dev.pyplugins.protocol.v1.MessageWillBePostedResponse;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.PostList;
import dev.pyplugins.protocol.v1.Team;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.sample.WebServer;
import dev.pyplugins.sample.api.SampleHostApi;
import dev.pyplugins.sample.auth.Credentials;
import dev.pyplugins.sample.auth.Passwords;
import dev.pyplugins.sample.auth.RequestAuth;
import dev.pyplugins.sample.auth.SessionStore;
import dev.pyplugins.sample.auth.Sessions;
import dev.pyplugins.sample.store.UserStore;
import dev.pyplugins.sample.db.Database;
import dev.pyplugins.sample.db.ProtoJson;
import dev.pyplugins.sample.db.TestDatabases;
import dev.pyplugins.sample.hooks.FakePlugins;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestApiTest {
  private final Database database = TestDatabases.h2();
  private final FakePlugins plugins = new FakePlugins();
  private final SampleHostApi api = new SampleHostApi(database, plugins, Clock.systemUTC());
  private final HttpClient http = HttpClient.newHttpClient();
  private WebServer server;
  private String token;

  @BeforeEach
  void start() throws Exception {
    PluginAdmin admin = new PluginAdmin() {
      @Override
      public List<PluginInfo> statuses() {
        return List.of(new PluginInfo("com.example.a", "RUNNING", 0, ""));
      }

      @Override
      public Optional<PluginInfo> restart(String pluginId) {
        return Optional.empty();
      }
    };
    server = RestTestServer.start(api, database, admin);
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/users/login")).POST(HttpRequest
        .BodyPublishers.ofString("{\"login_id\":\"root\",\"password\":\"secret-root\"}"))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    token = login.headers().firstValue("Token").orElseThrow();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    database.close();
  }

  @Test
  void aConversationThroughRestFiresTheHooksAndListsPostsNewestFirst() throws Exception {
    FakePlugins.FakePlugin watcher = plugins.add("w").on(HookName.USER_HAS_BEEN_CREATED).on(HookName.CHANNEL_HAS_BEEN_CREATED)
        .on(HookName.USER_HAS_JOINED_TEAM).on(HookName.USER_HAS_JOINED_CHANNEL).on(HookName.MESSAGE_HAS_BEEN_POSTED).on(HookName.REACTION_HAS_BEEN_ADDED);
    User ann = post("/users", "{\"username\":\"ann\",\"email\":\"ann@example.com\"}", 201, User.newBuilder()).build();
    Team team = post("/teams", "{\"name\":\"eng\"}", 201, Team.newBuilder()).build();
    post("/teams/" + team.getId() + "/members", "{\"user_id\":\"" + ann.getId() + "\"}", 201, null);
    Channel channel = post("/channels", "{\"team_id\":\"" + team.getId() + "\",\"name\":\"general\",\"type\":\"O\"}",
        201, Channel.newBuilder()).build();
    post("/channels/" + channel.getId() + "/members", "{\"user_id\":\"" + ann.getId() + "\"}", 201, null);

    Post first = post("/posts", postJson(channel, ann, "first"), 201, Post.newBuilder()).build();
    post("/posts", postJson(channel, ann, "second"), 201, null);
    post("/reactions", "{\"user_id\":\"" + ann.getId() + "\",\"post_id\":\"" + first.getId()
        + "\",\"emoji_name\":\"+1\"}", 201, null);

    PostList list = ProtoJson.merge(get("/channels/" + channel.getId() + "/posts?per_page=10", 200),
        PostList.newBuilder()).build();
    assertThat(list.getOrderList()).hasSize(2).endsWith(first.getId());
    assertThat(list.getPostsOrThrow(first.getId()).getHasReactions()).isTrue();
    for (HookName hook : List.of(HookName.USER_HAS_BEEN_CREATED, HookName.CHANNEL_HAS_BEEN_CREATED,
        HookName.USER_HAS_JOINED_TEAM, HookName.USER_HAS_JOINED_CHANNEL, HookName.REACTION_HAS_BEEN_ADDED)) {
      assertThat(watcher.calls(hook)).as(hook.rpcName()).hasSize(1); // the administrator who made the channel is not in the team
    }
    assertThat(watcher.calls(HookName.MESSAGE_HAS_BEEN_POSTED)).hasSize(2);
  }

  @Test
  void aRejectedPostIsA400WithTheAppErrorAsJson() throws Exception {
    plugins.add("censor").on(HookName.MESSAGE_WILL_BE_POSTED,
        args -> MessageWillBePostedResponse.newBuilder().setRejectionReason("nope").build());
    User ann = api.createUser(User.newBuilder().setUsername("ann").build());
    Channel dm = api.getDirectChannel(ann.getId(), ann.getId());

    AppError error = post("/posts", postJson(dm, ann, "hi"), 400, AppError.newBuilder()).build();

    assertThat(error.getMessage()).isEqualTo("Post rejected by plugin. nope");
  }

  @Test
  void aSlashCommandRunsThroughRest() throws Exception {
    plugins.add("com.example.a").on(HookName.EXECUTE_COMMAND, args -> CommandResponse.newBuilder().setResponseType("in_channel")
        .setText("pong: " + ((CommandArgs) args[1]).getCommand()).build());
    api.slashCommands().register("com.example.a", Command.newBuilder().setTrigger("ping").build());
    User ann = api.createUser(User.newBuilder().setUsername("ann").build());
    Channel dm = api.getDirectChannel(ann.getId(), ann.getId());

    CommandResponse response = post("/commands/execute", "{\"command\":\"/ping 1\",\"channel_id\":\"" + dm.getId()
        + "\",\"user_id\":\"" + ann.getId() + "\"}", 200, CommandResponse.newBuilder()).build();

    assertThat(response.getText()).isEqualTo("pong: /ping 1");
    assertThat(api.getPostsForChannel(dm.getId(), 0, 10).getPostsMap().values()).extracting(Post::getMessage)
        .containsExactly("pong: /ping 1");
  }

  @Test
  void badInputUnknownPathsAndWrongMethodsAnswerJsonErrors() throws Exception {
    assertThat(post("/users", "{not json", 400, AppError.newBuilder()).getId())
        .isEqualTo("api.context.invalid_body_param.app_error");
    assertThat(get("/nothing/here", 404)).contains("No such API");
    assertThat(send(HttpRequest.newBuilder(uri("/users")).DELETE(), 405)).contains("not allowed");
    assertThat(get("/users/missing", 404)).contains("No user");
    assertThat(get("/plugins/statuses", 200)).contains("\"runtime_state\":\"RUNNING\"");
  }

  private static String postJson(Channel channel, User user, String message) {
    return "{\"channel_id\":\"" + channel.getId() + "\",\"user_id\":\"" + user.getId() + "\",\"message\":\""
        + message + "\"}";
  }

  private <B extends com.google.protobuf.Message.Builder> B post(String path, String json, int status, B builder)
      throws Exception {
    String body = send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json)), status);
    return builder == null ? null : ProtoJson.merge(body, builder);
  }

  private String get(String path, int status) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET(), status);
  }

  private String send(HttpRequest.Builder request, int status) throws Exception {
    HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("application/json"));
    return response.body();
  }

  private URI uri(String path) {
    return server.uri().resolve("/api/v4" + path);
  }
}
