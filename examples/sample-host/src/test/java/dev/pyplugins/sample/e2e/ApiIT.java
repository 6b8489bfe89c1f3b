package dev.pyplugins.sample.e2e;

import static dev.pyplugins.sample.e2e.TestHost.body;
import static dev.pyplugins.sample.e2e.TestHost.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.PostList;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.sample.api.SampleHostApi;
import dev.pyplugins.sample.db.ProtoJson;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Each API area the sample host implements, called from Python: test.api runs a scenario per area with
 * {@code self.api} (checking what it can itself) and answers what it saw; these tests check the rest from
 * the host's side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiIT {
  private TestHost host;

  @BeforeAll
  void start(@TempDir Path root) throws Exception {
    host = TestHost.start(root.resolve("data"), TestHost.plugins(root, "api_probe"));
  }

  @AfterAll
  void stop() {
    host.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"teams", "channels", "direct", "threads", "reactions", "kv", "preferences"})
  void anAreaScenarioPassesInPython(String area) {
    run(area);
  }

  @Test
  void serverVersionAndTheCallersOwnId() {
    Struct result = run("server");

    assertThat(text(result, "version")).isEqualTo(SampleHostApi.SERVER_VERSION);
    assertThat(text(result, "plugin_id")).isEqualTo("test.api");
  }

  @Test
  void usersMadeByAPluginAreTheHostsUsers() {
    Struct result = run("users");

    User user = body(host.get("/api/v4/users/" + text(result, "user_id")), 200, User.newBuilder()).build();
    assertThat(user.getNickname()).isEqualTo("nick");
    assertThat(user.getDeleteAt()).isZero();
    assertThat(result.getFieldsOrThrow("taken_status").getNumberValue()).isEqualTo(400);
    assertThat(result.getFieldsOrThrow("missing_status").getNumberValue()).isEqualTo(404);
  }

  @Test
  void postsMadeByAPluginAreListedByTheHost() {
    Struct result = run("posts");

    PostList list = body(host.get("/api/v4/channels/" + text(result, "channel_id") + "/posts"), 200,
        PostList.newBuilder()).build();
    List<String> ids = result.getFieldsOrThrow("post_ids").getListValue().getValuesList().stream()
        .map(Value::getStringValue).toList();
    assertThat(list.getOrderList()).containsExactly(ids.get(2), ids.get(1), ids.get(0));
    assertThat(list.getPostsOrThrow(ids.get(0)).getMessage()).isEqualTo("m0 edited");
  }

  @Test
  void anEphemeralPostReachesOnlyItsUser() {
    Struct result = run("ephemeral");

    List<Post> posts = posts(host.get("/api/v4/users/" + text(result, "user_id") + "/ephemeral").body());
    assertThat(posts).extracting(Post::getId).containsExactly(text(result, "post_id"));
    assertThat(posts.get(0).getMessage()).isEqualTo("only you");
  }

  @Test
  void botsBelongToThePluginThatMadeThem() {
    assertThat(text(run("bots"), "owner")).isEqualTo("test.api");
  }

  @Test
  void aCommandRegisteredFromPythonRunsInItsPluginUntilUnregistered() {
    Struct result = run("commands");

    assertThat(text(result, "text")).isEqualTo("api probe got /apiprobe x");
    assertThat(result.getFieldsOrThrow("gone_status").getNumberValue()).isEqualTo(404);
  }

  @Test
  void savingItsConfigurationFiresTheCallersOnConfigurationChange() {
    Struct result = run("config");

    assertThat(result.getFieldsOrThrow("changes").getNumberValue()).isEqualTo(1);
  }

  @Test
  void logCallsReachTheHostsLogWithThePluginIdAndKeyValues() {
    Logger logger = (Logger) LoggerFactory.getLogger("dev.pyplugins.plugin.test.api");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      run("logging");
    } finally {
      logger.detachAppender(appender);
    }

    assertThat(appender.list).filteredOn(e -> e.getMessage().startsWith("probe "))
        .extracting(e -> e.getLevel() + " " + e.getMessage() + " " + e.getKeyValuePairs())
        .contains("INFO probe info [answer=\"42\"]", "WARN probe warn [who=\"me\"]", "ERROR probe error null");
    assertThat(appender.list).filteredOn(e -> e.getMessage().equals("probe info"))
        .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("plugin_id", "test.api"));
  }

  @Test
  void aMethodTheSampleHostLacksAnswersThePlugin501() {
    Struct result = run("unsupported");

    assertThat(result.getFieldsOrThrow("status").getNumberValue()).isEqualTo(501);
    assertThat(text(result, "where")).isEqualTo("GetLicense");
  }

  private Struct run(String area) {
    Struct result = json(host.post("/plugins/test.api/run/" + area, ""), 200);
    assertThat(result.getFieldsOrThrow("ok").getBoolValue())
        .as("scenario %s in Python: %s", area, result.getFieldsMap().getOrDefault("traceback",
            Value.getDefaultInstance()).getStringValue())
        .isTrue();
    return result;
  }

  /** A JSON array of posts, as the REST layer lists them. */
  private static List<Post> posts(String jsonArray) {
    Struct wrapper = ProtoJson.merge("{\"items\":" + jsonArray + "}", Struct.newBuilder()).build();
    return wrapper.getFieldsOrThrow("items").getListValue().getValuesList().stream()
        .map(v -> ProtoJson.merge(ProtoJson.write(v.getStructValue()), Post.newBuilder()).build())
        .toList();
  }

  private static String text(Struct result, String field) {
    return result.getFieldsOrThrow(field).getStringValue();
  }
}
