package dev.pyplugins.sample.e2e;

import static dev.pyplugins.sample.e2e.TestHost.body;
import static dev.pyplugins.sample.e2e.TestHost.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.CommandResponse;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.PostList;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.runtime.PluginStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives: a plugin's KV data across its restart, and everything across a restart of the host. */
class PersistenceIT {
  @TempDir
  Path root;

  @Test
  void aRestartedPluginKeepsItsKvDataAndRegistersItsCommandAgain() throws Exception {
    try (TestHost host = TestHost.start(root.resolve("data"), TestHost.plugins(root, "hello"))) {
      assertThat(greetings(host)).isEqualTo(1);
      assertThat(greetings(host)).isEqualTo(2);
      long pidBefore = host.host.plugins().status("com.example.hello").orElseThrow().pid().orElseThrow();

      Struct restarted = json(host.post("/api/v4/plugins/com.example.hello/restart", ""), 200);

      PluginStatus status = host.host.plugins().status("com.example.hello").orElseThrow();
      assertThat(restarted.getFieldsOrThrow("runtime_state").getStringValue()).isEqualTo("RUNNING");
      assertThat(status.pid().orElseThrow()).isNotEqualTo(pidBefore);
      assertThat(greetings(host)).isEqualTo(3);
      User user = body(host.post("/api/v4/users", "{\"username\":\"after-restart\"}"), 201, User.newBuilder()).build();
      Channel dm = body(host.post("/api/v4/channels/direct", "[\"" + user.getId() + "\",\""
          + body(host.get("/api/v4/users/me"), 200, User.newBuilder()).getId() + "\"]"), 201, Channel.newBuilder()).build();
      CommandResponse hello = body(host.post("/api/v4/commands/execute", "{\"command\":\"/hello\",\"channel_id\":\""
          + dm.getId() + "\"}"), 200, CommandResponse.newBuilder()).build();
      assertThat(hello.getText()).isEqualTo("Hello, world! You are greeting #4.");
    }
  }

  @Test
  void everythingSurvivesARestartOfTheHost() throws Exception {
    Path data = root.resolve("data");
    Path plugins = TestHost.plugins(root, "hello");
    User user;
    Channel channel;
    Post post;
    try (TestHost host = TestHost.start(data, plugins)) {
      user = body(host.post("/api/v4/users", "{\"username\":\"lasting\",\"props\":{\"k\":\"v\"}}"), 201,
          User.newBuilder()).build();
      channel = body(host.post("/api/v4/channels/direct", "[\"" + user.getId() + "\",\"" + user.getId() + "\"]"), 201,
          Channel.newBuilder()).build();
      post = body(host.post("/api/v4/posts", "{\"channel_id\":\"" + channel.getId() + "\",\"user_id\":\""
          + user.getId() + "\",\"message\":\"teh record\",\"props\":{\"source\":\"test\"}}"), 201, Post.newBuilder())
          .build();
      host.put("/api/v4/plugins/com.example.hello/config", "{\"BlockedWord\":\"ephemeral\"}");
      assertThat(greetings(host)).isEqualTo(1);
    }

    try (TestHost host = TestHost.start(data, plugins)) {
      assertThat(body(host.get("/api/v4/users/username/lasting"), 200, User.newBuilder()).build()).isEqualTo(user);
      PostList posts = body(host.get("/api/v4/channels/" + channel.getId() + "/posts"), 200, PostList.newBuilder())
          .build();
      assertThat(posts.getPostsOrThrow(post.getId())).isEqualTo(post);
      assertThat(post.getMessage()).isEqualTo("the record");
      assertThat(greetings(host)).isEqualTo(2);
      // The configuration saved before the restart is what the plugin reads when it activates.
      assertThat(host.post("/api/v4/posts", "{\"channel_id\":\"" + channel.getId() + "\",\"user_id\":\""
          + user.getId() + "\",\"message\":\"nothing ephemeral\"}").statusCode()).isEqualTo(400);
    }
  }

  private static long greetings(TestHost host) {
    return (long) json(host.get("/plugins/com.example.hello/hello"), 200).getFieldsOrThrow("greetings")
        .getNumberValue();
  }
}
