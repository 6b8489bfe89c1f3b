package dev.pyplugins.sample.e2e;

import static dev.pyplugins.sample.e2e.TestHost.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.protocol.v1.AppError;
import dev.pyplugins.protocol.v1.CommandResponse;
import dev.pyplugins.protocol.v1.Post;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mattermost's post limit (16,383 characters) against a plugin: its own CreatePost of a 20 MB message, and
 * a MessageWillBePosted that turns an 8-byte post into a 1 MB or a 50 MB one; both are refused with a clear
 * error, no oversized post is stored, and the host goes on posting. A hook answer past the runtime's message
 * limit (64 MiB) is refused unread and the hook fails open: the post is stored as it was sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostLimitsIT {
  private TestHost host;
  private String channelId;

  @BeforeAll
  void start(@TempDir Path root) throws Exception {
    host = TestHost.start(root.resolve("data"), TestHost.plugins(root, "limits_probe"));
    String team = TestHost.json(host.get("/api/v4/teams/name/demo"), 200).getFieldsOrThrow("id").getStringValue();
    channelId = TestHost.json(host.get("/api/v4/teams/" + team + "/channels/name/town-square"), 200)
        .getFieldsOrThrow("id").getStringValue();
  }

  @AfterAll
  void stop() {
    host.close();
  }

  @Test
  void aPluginsOwnHugePostIsRefused() {
    long start = System.nanoTime();
    CommandResponse answer = body(host.post("/api/v4/commands/execute", "{\"command\":\"/bigpost 20000000\","
        + "\"channel_id\":\"" + channelId + "\"}"), 200, CommandResponse.newBuilder()).build();
    long ms = (System.nanoTime() - start) / 1_000_000;
    CommandResponse atLimit = body(host.post("/api/v4/commands/execute", "{\"command\":\"/bigpost 16383\","
        + "\"channel_id\":\"" + channelId + "\"}"), 200, CommandResponse.newBuilder()).build();

    System.out.printf("plugin CreatePost of 20,000,000 characters: refused in %d ms: %s%n", ms, answer.getText());
    assertThat(answer.getText()).startsWith("refused:").contains("20000000 characters long", "limit is 16383");
    assertThat(atLimit.getText()).startsWith("created ");
    assertLargestStoredPostWithinLimit();
  }

  @Test
  void aHookCannotInflateAPostPastTheLimit() {
    long start = System.nanoTime();
    AppError refused = body(host.post("/api/v4/posts", "{\"channel_id\":\"" + channelId
        + "\",\"message\":\"inflate 1000000\"}"), 400, AppError.newBuilder()).build();
    long ms = (System.nanoTime() - start) / 1_000_000;
    Post fine = body(host.post("/api/v4/posts", "{\"channel_id\":\"" + channelId + "\",\"message\":\"inflate 10\"}"),
        201, Post.newBuilder()).build();

    System.out.printf("8-byte post inflated to 1,000,000 characters by MessageWillBePosted: refused in %d ms: %s%n",
        ms, refused.getMessage());
    assertThat(refused.getMessage()).contains("1000000 characters long after plugin changes", "limit is 16383");
    assertThat(fine.getMessage()).isEqualTo("y".repeat(10));
    assertLargestStoredPostWithinLimit();
  }

  @Test
  void aHookCannotTurnAnEightBytePostIntoAStoredFiftyMegabyteOne() {
    long start = System.nanoTime();
    AppError refused = body(host.post("/api/v4/posts", "{\"channel_id\":\"" + channelId
        + "\",\"message\":\"inflate 50000000\"}"), 400, AppError.newBuilder()).build();
    long ms = (System.nanoTime() - start) / 1_000_000;
    // Past the runtime's 64 MiB message limit the hook's answer is refused unread; the hook fails open.
    start = System.nanoTime();
    Post unchanged = body(host.post("/api/v4/posts", "{\"channel_id\":\"" + channelId
        + "\",\"message\":\"inflate 70000000\"}"), 201, Post.newBuilder()).build();
    long overCapMs = (System.nanoTime() - start) / 1_000_000;

    System.out.printf("post inflated to 50,000,000 characters by MessageWillBePosted: refused in %d ms: %s;"
        + " to 70,000,000 (past the 64 MiB message limit): stored unchanged in %d ms%n", ms, refused.getMessage(),
        overCapMs);
    assertThat(refused.getMessage()).contains("50000000 characters long after plugin changes", "limit is 16383");
    assertThat(unchanged.getMessage()).isEqualTo("inflate 70000000");
    assertLargestStoredPostWithinLimit();
  }

  private void assertLargestStoredPostWithinLimit() {
    int longest = host.host.api().getPostsForChannel(channelId, 0, 1000).getPostsMap().values().stream()
        .mapToInt(p -> p.getMessage().length()).max().orElse(0);
    assertThat(longest).isLessThanOrEqualTo(16_383);
  }
}
