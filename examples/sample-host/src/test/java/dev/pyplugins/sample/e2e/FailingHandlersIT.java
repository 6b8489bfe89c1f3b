package dev.pyplugins.sample.e2e;

import static dev.pyplugins.sample.e2e.TestHost.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.pyplugins.protocol.v1.AppError;
import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.Config;
import dev.pyplugins.protocol.v1.Hooks;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.Team;
import dev.pyplugins.protocol.v1.User;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Handlers that fail, through the sample host and real plugin processes (issue 13, items 1 and 3): a
 * failing "Will" hook rejects what it filters instead of letting it through (docs/python-sdk.md), a failing
 * ConfigurationWillBeSaved refuses the save, and an error string from OnActivate keeps the plugin from
 * running. test.filter and test.refusal are written as for Mattermost's own SDK.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailingHandlersIT {
  private TestHost host;
  private User user;
  private Channel channel;

  @BeforeAll
  void start(@TempDir Path root) throws Exception {
    host = TestHost.start(root.resolve("data"), TestHost.plugins(root, "filter_probe", "refusal_probe"));
    user = body(host.post("/api/v4/users", "{\"username\":\"" + unique("eve") + "\"}"), 201, User.newBuilder()).build();
    Team team = body(host.post("/api/v4/teams", "{\"name\":\"" + unique("team") + "\"}"), 201, Team.newBuilder())
        .build();
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
  void aPostWhoseFilterRaisesIsRejectedWithThePluginError() {
    String message = "please crash " + unique("m");

    AppError error = body(host.post("/api/v4/posts", postJson(message)), 400, AppError.newBuilder()).build();

    assertThat(error.getMessage()).isEqualTo("Post rejected by plugin. Plugin error: the filter crashed");
    assertThat(host.get("/api/v4/channels/" + channel.getId() + "/posts").body()).doesNotContain(message);
  }

  @Test
  void anEditWhoseFilterRaisesIsRejectedAndThePostStaysAsItWas() {
    Post post = body(host.post("/api/v4/posts", postJson("calm words")), 201, Post.newBuilder()).build();

    AppError error = body(host.put("/api/v4/posts/" + post.getId(), "{\"message\":\"now crash\"}"), 400,
        AppError.newBuilder()).build();

    assertThat(error.getMessage()).isEqualTo("Post rejected by plugin. Plugin error: the edit filter crashed");
    assertThat(body(host.get("/api/v4/posts/" + post.getId()), 200, Post.newBuilder()).getMessage())
        .isEqualTo("calm words");
  }

  @Test
  void aConfigurationFilterThatRaisesRefusesTheSaveInsteadOfFailingOpen() {
    Hooks hooks = host.host.plugins().hooks("test.filter").orElseThrow();
    Config refused = Config.newBuilder().setJson(ByteString.copyFromUtf8("{\"refuse\": true}")).build();
    Config accepted = Config.newBuilder().setJson(ByteString.copyFromUtf8("{\"SiteURL\": \"https://x\"}")).build();

    assertThatThrownBy(() -> hooks.configurationWillBeSaved(refused)).isInstanceOf(AppErrorException.class)
        .hasMessageContaining("the probe refuses this configuration");
    assertThat(hooks.configurationWillBeSaved(accepted)).isNull(); // None: saved unchanged
  }

  @Test
  void anErrorStringFromOnActivateKeepsThePluginFromRunning() {
    var refusal = host.host.statuses().stream().filter(s -> s.pluginId().equals("test.refusal")).findFirst()
        .orElseThrow();

    assertThat(refusal.state().name()).isEqualTo("FAILED");
    assertThat(refusal.lastFailure().orElseThrow().message())
        .contains("OnActivate returned an error", "the probe refuses to start");
  }

  private String postJson(String message) {
    return "{\"channel_id\":\"" + channel.getId() + "\",\"user_id\":\"" + user.getId() + "\",\"message\":\""
        + message + "\"}";
  }

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }
}
