package dev.pyplugins.sample;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.CommandResponse;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.PostList;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.sample.db.ProtoJson;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * The agent's part of the tour: gives the agent plugin the demo MCP server (stdio, from
 * {@code examples/agent-devservers}), DMs the Claude bot, and prints its answer as it streams into the post,
 * with the tool call it made through the MCP server. The models are the wire fake {@code demo.sh} starts.
 */
public final class AgentTour {
  static final String PLUGIN = "com.example.agent";
  private static final Path DEVSERVERS = Path.of("examples/agent-devservers");

  private final URI base;
  private final PrintStream out;
  private final String adminToken;
  private final String userToken;
  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * @param adminToken a system administrator's session token (to configure the plugin)
   * @param userToken the session token of {@code ann}, who DMs the bot
   */
  public AgentTour(URI base, PrintStream out, String adminToken, String userToken) {
    this.base = base;
    this.out = out;
    this.adminToken = adminToken;
    this.userToken = userToken;
  }

  public void run() throws IOException, InterruptedException {
    out.println();
    out.println("7. The agent plugin: a DM to @claude, answered by LangChain's agent with a tool of an MCP server");
    Path python = DEVSERVERS.resolve("venv/bin/python").toAbsolutePath();
    if (!Files.exists(python)) {
      out.println("   (skipped: " + python + " is missing; the Maven build makes it)");
      return;
    }
    String server = "[{\"name\":\"demo\",\"transport\":\"stdio\",\"command\":\"" + python + "\",\"args\":[\""
        + DEVSERVERS.resolve("mcp_test_server.py").toAbsolutePath() + "\",\"--name\",\"demo\"]}]";
    send(adminToken, "PUT", "/api/v4/plugins/" + PLUGIN + "/config", "{\"McpServers\":" + quote(server) + "}");
    User ann = ProtoJson.merge(send("GET", "/api/v4/users/username/ann", null).body(), User.newBuilder()).build();
    User claude = ProtoJson.merge(send("GET", "/api/v4/users/username/claude", null).body(), User.newBuilder()).build();
    Channel direct = ProtoJson.merge(send("POST", "/api/v4/channels/direct", "[\"" + ann.getId() + "\",\""
        + claude.getId() + "\"]").body(), Channel.newBuilder()).build();
    awaitTools(ann, direct);
    String question = "What's the weather in Paris today?";
    Post asked = ProtoJson.merge(send("POST", "/api/v4/posts", "{\"channel_id\":\"" + direct.getId()
        + "\",\"user_id\":\"" + ann.getId() + "\",\"message\":\"" + question + "\"}").body(), Post.newBuilder()).build();
    out.printf("   @ann: %s%n   @claude, as the post is edited:%n", question);
    Post reply = followReply(asked.getId(), claude.getId());
    Struct usage = reply.getProps().getFieldsOrDefault("agent_usage", Value.getDefaultInstance()).getStructValue();
    for (Value call : reply.getProps().getFieldsOrDefault("agent_tool_calls", Value.getDefaultInstance())
        .getListValue().getValuesList()) {
      Struct fields = call.getStructValue();
      out.printf("   tool call through MCP: %s -> %s%n", fields.getFieldsOrThrow("tool").getStringValue(),
          fields.getFieldsOrThrow("result").getStringValue());
    }
    out.printf("   usage: %.0f input tokens, %.0f output tokens in %.0f model calls%n",
        usage.getFieldsOrDefault("input_tokens", Value.getDefaultInstance()).getNumberValue(),
        usage.getFieldsOrDefault("output_tokens", Value.getDefaultInstance()).getNumberValue(),
        usage.getFieldsOrDefault("model_calls", Value.getDefaultInstance()).getNumberValue());
  }

  /** Prints each new piece of the reply as the plugin edits the post; the finished reply. */
  private Post followReply(String rootId, String botId) throws IOException, InterruptedException {
    String shown = "";
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      PostList thread = ProtoJson.merge(send("GET", "/api/v4/posts/" + rootId + "/thread", null).body(),
          PostList.newBuilder()).build();
      Post reply = thread.getPostsMap().values().stream().filter(p -> p.getUserId().equals(botId))
          .min(Comparator.comparingLong(Post::getCreateAt)).orElse(null);
      if (reply != null && reply.getMessage().startsWith(shown) && reply.getMessage().length() > shown.length()
          && !reply.getMessage().equals("\u2026")) {
        out.print((shown.isEmpty() ? "   " : "") + reply.getMessage().substring(shown.length()).replace("\n", "\n   "));
        out.flush();
        shown = reply.getMessage();
      }
      if (reply != null && reply.getProps().containsFields("agent_usage")) {
        out.println();
        return reply;
      }
      Thread.sleep(50);
    }
    throw new IOException("@claude did not finish its answer within a minute");
  }

  private void awaitTools(User ann, Channel direct) throws IOException, InterruptedException {
    for (int i = 0; i < 100; i++) {
      String status = ProtoJson.merge(send("POST", "/api/v4/commands/execute", "{\"command\":\"/agent status\","
          + "\"channel_id\":\"" + direct.getId() + "\",\"user_id\":\"" + ann.getId() + "\"}").body(),
          CommandResponse.newBuilder()).getText();
      if (status.contains("`demo`: up")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IOException("the demo MCP server did not come up");
  }

  private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
    return send(userToken, method, path, json);
  }

  private HttpResponse<String> send(String token, String method, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).method(method, body)
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
