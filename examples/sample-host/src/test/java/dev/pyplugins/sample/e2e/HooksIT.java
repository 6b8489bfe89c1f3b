package dev.pyplugins.sample.e2e;

import static dev.pyplugins.sample.e2e.TestHost.body;
import static dev.pyplugins.sample.e2e.TestHost.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.pyplugins.protocol.v1.AppError;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.CommandResponse;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.Team;
import dev.pyplugins.protocol.v1.User;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hook the sample host fires reaches real plugin processes, with the right data: test.hooks records
 * each call in its KV store and serves the records over ServeHTTP; test.chain runs before it in the
 * MessageWillBePosted chain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HooksIT {
  private TestHost host;
  private User user;
  private Team team;
  private Channel channel;

  @BeforeAll
  void start(@TempDir Path root) throws Exception {
    host = TestHost.start(root.resolve("data"), TestHost.plugins(root, "hooks_probe", "chain_probe"));
    user = body(host.post("/api/v4/users", "{\"username\":\"" + unique("ann") + "\"}"), 201, User.newBuilder()).build();
    team = body(host.post("/api/v4/teams", "{\"name\":\"" + unique("team") + "\"}"), 201, Team.newBuilder()).build();
    host.post("/api/v4/teams/" + team.getId() + "/members", "{\"user_id\":\"" + user.getId() + "\"}");
    channel = body(host.post("/api/v4/channels", "{\"team_id\":\"" + team.getId() + "\",\"name\":\"" + unique("ch")
        + "\",\"type\":\"O\"}"), 201, Channel.newBuilder()).build();
    host.post("/api/v4/channels/" + channel.getId() + "/members", "{\"user_id\":\"" + user.getId() + "\"}");
  }

  @AfterAll
  void stop() {
    host.close();
  }

  @Test
  void directoryHooksFireWithTheirSubjects() {
    User bob = body(host.post("/api/v4/users", "{\"username\":\"" + unique("bob") + "\"}"), 201, User.newBuilder())
        .build();
    host.post("/api/v4/teams/" + team.getId() + "/members", "{\"user_id\":\"" + bob.getId() + "\"}");
    Channel created = body(host.post("/api/v4/channels", "{\"team_id\":\"" + team.getId() + "\",\"name\":\""
        + unique("new") + "\",\"type\":\"P\"}"), 201, Channel.newBuilder()).build();
    host.post("/api/v4/channels/" + created.getId() + "/members", "{\"user_id\":\"" + bob.getId() + "\"}");
    host.delete("/api/v4/channels/" + created.getId() + "/members/" + bob.getId());
    host.delete("/api/v4/teams/" + team.getId() + "/members/" + bob.getId());
    host.put("/api/v4/users/" + bob.getId() + "/active", "{\"active\":false}");

    assertThat(calls("UserHasBeenCreated")).anySatisfy(c -> assertThat(text(c, "id")).isEqualTo(bob.getId()));
    assertThat(calls("ChannelHasBeenCreated")).anySatisfy(c -> {
      assertThat(text(c, "name")).isEqualTo(created.getName());
      assertThat(text(c, "type")).isEqualTo("P");
    });
    assertThat(calls("UserHasJoinedTeam")).anySatisfy(c -> member(c, "team_id", team.getId(), bob));
    assertThat(calls("UserHasJoinedChannel")).anySatisfy(c -> member(c, "channel_id", created.getId(), bob));
    assertThat(calls("UserHasLeftChannel")).anySatisfy(c -> member(c, "channel_id", created.getId(), bob));
    assertThat(calls("UserHasLeftTeam")).anySatisfy(c -> member(c, "team_id", team.getId(), bob));
    assertThat(calls("UserHasBeenDeactivated")).anySatisfy(c -> {
      assertThat(text(c, "username")).isEqualTo(bob.getUsername());
      assertThat(c.getFieldsOrThrow("deleted").getBoolValue()).isTrue();
    });
  }

  @Test
  void postHooksFireAroundEachChangeOfAPost() {
    Post post = post("a draft");
    Post edited = body(host.put("/api/v4/posts/" + post.getId(), "{\"message\":\"the draft, edited\"}"), 200,
        Post.newBuilder()).build();
    host.post("/api/v4/reactions", "{\"user_id\":\"" + user.getId() + "\",\"post_id\":\"" + post.getId()
        + "\",\"emoji_name\":\"smile\"}");
    host.delete("/api/v4/users/" + user.getId() + "/posts/" + post.getId() + "/reactions/smile");
    host.delete("/api/v4/posts/" + post.getId());

    assertThat(edited.getMessage()).isEqualTo("the final, edited");
    assertThat(calls("MessageHasBeenPosted")).anySatisfy(c -> assertThat(text(c, "id")).isEqualTo(post.getId()));
    assertThat(calls("MessageWillBeUpdated")).anySatisfy(c -> {
      assertThat(text(c, "new")).isEqualTo("the draft, edited");
      assertThat(text(c, "old")).isEqualTo("a draft");
    });
    assertThat(calls("MessageHasBeenUpdated")).anySatisfy(c -> {
      assertThat(text(c, "new")).isEqualTo("the final, edited");
      assertThat(text(c, "old")).isEqualTo("a draft");
    });
    assertThat(calls("ReactionHasBeenAdded")).anySatisfy(c -> assertThat(text(c, "post_id")).isEqualTo(post.getId()));
    assertThat(calls("ReactionHasBeenRemoved")).anySatisfy(c -> assertThat(text(c, "emoji")).isEqualTo("smile"));
    assertThat(calls("MessageHasBeenDeleted")).anySatisfy(c -> {
      assertThat(text(c, "id")).isEqualTo(post.getId());
      assertThat(c.getFieldsOrThrow("deleted").getBoolValue()).isTrue();
    });
  }

  @Test
  void messageWillBePostedIsChainedInPluginIdOrder() {
    Post post = post("step1 of the chain");

    assertThat(post.getMessage()).isEqualTo("step3 of the chain");
    assertThat(calls("MessageWillBePosted")).anySatisfy(c -> {
      assertThat(text(c, "message")).isEqualTo("step2 of the chain");
      assertThat(text(c, "request_id")).hasSize(26);
    });
    assertThat(calls("MessageHasBeenPosted")).anySatisfy(c -> assertThat(text(c, "message"))
        .isEqualTo("step3 of the chain"));
  }

  @Test
  void aRejectionStopsTheChainAndThePost() {
    String vetoed = "veto " + unique("m");
    String refused = "reject-me " + unique("m");

    AppError first = body(host.post("/api/v4/posts", postJson(vetoed)), 400, AppError.newBuilder()).build();
    AppError second = body(host.post("/api/v4/posts", postJson(refused)), 400, AppError.newBuilder()).build();

    assertThat(first.getMessage()).isEqualTo("Post rejected by plugin. chain vetoed");
    assertThat(second.getMessage()).isEqualTo("Post rejected by plugin. probe says no");
    assertThat(calls("MessageWillBePosted")).noneSatisfy(c -> assertThat(text(c, "message")).isEqualTo(vetoed));
    assertThat(calls("MessageHasBeenPosted")).noneSatisfy(c -> assertThat(text(c, "message")).isEqualTo(refused));
    assertThat(host.get("/api/v4/channels/" + channel.getId() + "/posts").body()).doesNotContain(vetoed, refused);
  }

  @Test
  void anEditTheProbeRejectsLeavesThePostAsItWas() {
    Post post = post("keep me");

    AppError error = body(host.put("/api/v4/posts/" + post.getId(), "{\"message\":\"no-edit please\"}"), 400,
        AppError.newBuilder()).build();

    assertThat(error.getMessage()).isEqualTo("Post rejected by plugin. probe keeps it");
    assertThat(body(host.get("/api/v4/posts/" + post.getId()), 200, Post.newBuilder()).getMessage())
        .isEqualTo("keep me");
  }

  @Test
  void aSlashCommandRunsInThePluginThatRegisteredItAndItsAnswerIsPosted() {
    CommandResponse response = body(host.post("/api/v4/commands/execute", "{\"command\":\"/probe now\","
        + "\"channel_id\":\"" + channel.getId() + "\",\"team_id\":\"" + team.getId() + "\",\"user_id\":\""
        + user.getId() + "\"}"), 200, CommandResponse.newBuilder()).build();

    assertThat(response.getText()).isEqualTo("probe ran /probe now");
    assertThat(calls("ExecuteCommand")).anySatisfy(c -> {
      assertThat(text(c, "command")).isEqualTo("/probe now");
      // As in Mattermost, a command runs as the caller (the administrator logged in), whatever user_id says.
      assertThat(text(c, "user_id")).isEqualTo(body(host.get("/api/v4/users/me"), 200, User.newBuilder()).getId());
      assertThat(text(c, "channel_id")).isEqualTo(channel.getId());
    });
    assertThat(host.get("/api/v4/channels/" + channel.getId() + "/posts").body()).contains("probe ran /probe now");
  }

  @Test
  void preferencesAndConfigurationChangesReachThePlugin() {
    host.put("/api/v4/users/" + user.getId() + "/preferences",
        "[{\"category\":\"display\",\"name\":\"theme\",\"value\":\"dark\"}]");
    host.put("/api/v4/plugins/test.hooks/config", "{\"Mode\":\"loud\"}");

    assertThat(calls("PreferencesHaveChanged")).anySatisfy(c -> assertThat(c.getFieldsOrThrow("preferences")
        .getListValue().getValues(0).getListValue().getValuesList()).extracting(Value::getStringValue)
        .containsExactly(user.getId(), "display", "theme", "dark"));
    assertThat(calls("OnConfigurationChange")).anySatisfy(c -> assertThat(c.getFieldsOrThrow("config")
        .getStructValue().getFieldsOrThrow("Mode").getStringValue()).isEqualTo("loud"));
  }

  @Test
  void aRestartRunsOnDeactivateThenOnActivate() {
    int activations = calls("OnActivate").size();
    int deactivations = calls("OnDeactivate").size();
    assertThat(activations).isPositive();

    Struct status = json(host.post("/api/v4/plugins/test.hooks/restart", ""), 200);

    assertThat(status.getFieldsOrThrow("runtime_state").getStringValue()).isEqualTo("RUNNING");
    assertThat(calls("OnDeactivate")).hasSize(deactivations + 1);
    assertThat(calls("OnActivate")).hasSize(activations + 1);
  }

  private Post post(String message) {
    return body(host.post("/api/v4/posts", postJson(message)), 201, Post.newBuilder()).build();
  }

  private String postJson(String message) {
    return "{\"channel_id\":\"" + channel.getId() + "\",\"user_id\":\"" + user.getId() + "\",\"message\":\""
        + message + "\"}";
  }

  /** The calls test.hooks recorded of {@code hook}, oldest first (read through its ServeHTTP route). */
  private List<Struct> calls(String hook) {
    Struct records = json(host.get("/plugins/test.hooks/records"), 200);
    if (!records.containsFields(hook)) {
      return List.of();
    }
    return records.getFieldsOrThrow(hook).getListValue().getValuesList().stream().map(Value::getStructValue).toList();
  }

  private static void member(Struct call, String scopeField, String scopeId, User member) {
    assertThat(text(call, scopeField)).isEqualTo(scopeId);
    assertThat(text(call, "user_id")).isEqualTo(member.getId());
  }

  private static String text(Struct call, String field) {
    return call.getFieldsOrThrow(field).getStringValue();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
