package dev.pyplugins.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.CommandArgs;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.sample.api.SampleHostApi;
import dev.pyplugins.sample.db.ProtoJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The agent plugin driven as people would use it, through the in-process host's API: configure it, DM a bot,
 * reply in a thread, run {@code /agent}, and wait for the bot's finished replies (the last edit of a reply
 * puts {@code agent_usage} on its props).
 */
final class AgentChat {
  static final String PLUGIN = "com.example.agent";
  static final String OPENAI_KEY = "sk-e2e-openai-7f3a";
  static final String ANTHROPIC_KEY = "sk-e2e-anthropic-91c2";
  static final Path AGENT_PYTHON = Path.of(System.getProperty("sample.agent.python", "../plugins/agent/venv/bin/python"));

  private final TestHost host;

  AgentChat(TestHost host) {
    this.host = host;
  }

  SampleHostApi api() {
    return host.host.api();
  }

  /** The plugin's settings: both bots on the wire fake, the given MCP servers (JSON list), fast edits. */
  static Struct settings(String fakeUrl, String mcpServersJson) {
    String json = "{\"OpenAIAPIKey\":\"" + OPENAI_KEY + "\",\"OpenAIBaseURL\":\"" + fakeUrl + "/v1\","
        + "\"AnthropicAPIKey\":\"" + ANTHROPIC_KEY + "\",\"AnthropicBaseURL\":\"" + fakeUrl + "\","
        + "\"StreamUpdateIntervalMs\":100,\"McpHealthCheckSeconds\":1,\"McpServers\":" + quote(mcpServersJson) + "}";
    return ProtoJson.merge(json, Struct.newBuilder()).build();
  }

  /** A stdio MCP server entry: the test server, run by the devservers' venv. */
  static String stdioServer(String name, Path pidFile, Path callsFile, String extra) {
    return "{\"name\":\"" + name + "\",\"transport\":\"stdio\",\"command\":" + quote(DevServer.PYTHON.toAbsolutePath()
        .toString()) + ",\"args\":[" + quote(DevServer.DIR.resolve("mcp_test_server.py").toAbsolutePath().toString())
        + ",\"--name\",\"" + name + "\",\"--pid-file\"," + quote(pidFile.toString()) + ",\"--calls-file\","
        + quote(callsFile.toString()) + "]" + extra + "}";
  }

  static String httpServer(String name, String url) {
    return "{\"name\":\"" + name + "\",\"transport\":\"http\",\"url\":" + quote(url) + "}";
  }

  void configure(Struct settings) {
    api().pluginSettings().save(PLUGIN, settings);
  }

  /** The user {@code username}: the host's seeded one (the demo seeds {@code ann}) or a new one. */
  User person(String username) {
    try {
      return api().getUserByUsername(username);
    } catch (dev.pyplugins.protocol.v1.AppErrorException e) {
      return api().createUser(User.newBuilder().setUsername(username).setEmail(username + "@example.com").build());
    }
  }

  /** The bot's user id, waiting (60 s at most) for the plugin to have ensured it: activation imports LangChain. */
  String botId(String username) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        return api().getUserByUsername(username).getId();
      } catch (dev.pyplugins.protocol.v1.AppErrorException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  Post dm(User from, String bot, String message) {
    return dm(from, bot, message, "");
  }

  Post dm(User from, String bot, String message, String rootId) {
    Channel direct = api().getDirectChannel(from.getId(), botId(bot));
    return post(from, direct.getId(), message, rootId);
  }

  Post post(User from, String channelId, String message, String rootId) {
    return api().createPost(Post.newBuilder().setUserId(from.getId()).setChannelId(channelId).setMessage(message)
        .setRootId(rootId).build());
  }

  /** {@code /agent ...} as {@code user} typed it in the thread of {@code root}. */
  String command(User user, Post root, String command) {
    return api().executeSlashCommand(CommandArgs.newBuilder().setCommand(command).setUserId(user.getId())
        .setChannelId(root.getChannelId()).setRootId(root.getRootId().isEmpty() ? root.getId() : root.getRootId())
        .build()).getText();
  }

  /** The bot's posts in the thread, oldest first. */
  List<Post> botPosts(String rootId, String bot) {
    String botId = botId(bot);
    return api().getPostThread(rootId).getPostsMap().values().stream().filter(p -> p.getUserId().equals(botId))
        .sorted(Comparator.comparingLong(Post::getCreateAt)).toList();
  }

  /** Waits for the bot's {@code count}th finished post in the thread (replies and approval requests). */
  Post awaitFinished(String rootId, String bot, int count) throws InterruptedException {
    return await(rootId, bot, count, p -> p.getProps().containsFields("agent_usage")
        || prop(p, "agent_kind").equals("approval"));
  }

  Post await(String rootId, String bot, int count, Predicate<Post> finished) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      List<Post> done = botPosts(rootId, bot).stream().filter(finished).toList();
      if (done.size() >= count) {
        return done.get(count - 1);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("@" + bot + " did not finish " + count + " posts in thread " + rootId + "; it has "
        + botPosts(rootId, bot).stream().map(Post::getMessage).toList());
  }

  /** Waits until {@code /agent status} shows every named MCP server up. */
  void awaitServersUp(User user, Post anyPost, String... servers) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String status = "";
    while (System.nanoTime() < deadline) {
      status = command(user, anyPost, "/agent status");
      String current = status;
      if (List.of(servers).stream().allMatch(s -> current.contains("`" + s + "`: up"))) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("MCP servers not up: " + status);
  }

  static String prop(Post post, String key) {
    Value value = post.getProps().getFieldsOrDefault(key, Value.getDefaultInstance());
    return value.hasStringValue() ? value.getStringValue() : "";
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static void assertNoSecret(List<String> lines) {
    assertThat(lines).noneMatch(line -> line.contains(OPENAI_KEY) || line.contains(ANTHROPIC_KEY));
  }
}
