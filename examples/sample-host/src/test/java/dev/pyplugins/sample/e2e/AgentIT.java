package dev.pyplugins.sample.e2e;

import static dev.pyplugins.sample.e2e.AgentChat.prop;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.Team;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.sample.db.ProtoJson;
import dev.pyplugins.sample.store.PostStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The agent plugin in the sample host, every process real: the plugin (LangChain, the provider classes), the
 * LLM wire fake, an MCP server over stdio that the plugin starts, one over streamable HTTP and one that speaks
 * only the legacy HTTP+SSE transport. A probe plugin records every post edit the host makes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentIT {
  private final ListAppender<ILoggingEvent> pluginLog = new ListAppender<>();
  private final Logger pluginLogger = (Logger) LoggerFactory.getLogger("dev.pyplugins.plugin." + AgentChat.PLUGIN);
  private WireFake fake;
  private DevServer weather;
  private DevServer legacy;
  private TestHost host;
  private AgentChat chat;
  private User ann;
  private Path calls;

  @BeforeAll
  void start(@TempDir Path root) throws Exception {
    pluginLog.start();
    pluginLogger.addAppender(pluginLog);
    calls = root.resolve("calls.jsonl");
    fake = WireFake.start("e2e.json");
    weather = DevServer.mcp("weather", "streamable-http", calls);
    legacy = DevServer.mcp("legacy", "sse", calls);
    host = TestHost.start(root.resolve("data"), TestHost.plugins(root, "agent", "hooks_probe"), AgentChat.AGENT_PYTHON);
    chat = new AgentChat(host);
    String servers = "[" + AgentChat.stdioServer("demo", root.resolve("demo.pid"), calls, "") + ","
        + AgentChat.httpServer("weather", weather.url) + "," + AgentChat.httpServer("legacy", legacy.url) + "]";
    chat.configure(AgentChat.settings(fake.url(), servers));
    ann = chat.person("ann");
    chat.awaitServersUp(ann, chat.dm(ann, "gpt", "hi (no script matches this)"), "demo", "weather", "legacy");
  }

  @AfterAll
  void stop() throws Exception {
    try {
      host.close();
      weather.close();
      legacy.close();
      fake.close();
    } finally {
      pluginLogger.detachAppender(pluginLog);
    }
    List<String> lines = pluginLog.list.stream().map(e -> e.getFormattedMessage() + " " + e.getKeyValuePairs()).toList();
    AgentChat.assertNoSecret(lines);
    assertThat(lines).anyMatch(l -> l.startsWith("usage: bot=@gpt model=gpt-5-mini input_tokens="));
  }

  @Test
  void eachBotAnswersItsDmInTheThreadThroughItsProviderWithTheKeyFromTheSettings() throws Exception {
    for (String bot : List.of("gpt", "claude")) {
      Post question = chat.dm(ann, bot, "say hello to " + bot);
      Post reply = chat.awaitFinished(question.getId(), bot, 1);
      assertThat(reply.getMessage()).isEqualTo("Hello from the wire fake! You said: say hello to " + bot);
      assertThat(reply.getRootId()).isEqualTo(question.getId());
      assertThat(reply.getProps().getFieldsOrThrow("agent_usage").getStructValue().getFieldsOrThrow("output_tokens")
          .getNumberValue()).isPositive();
    }
    List<Struct> hello = fake.requests("hello").stream().filter(r -> r.getFieldsOrThrow("user_texts").getListValue()
        .getValues(0).getStringValue().startsWith("say hello to ")).toList();
    assertThat(hello).extracting(r -> r.getFieldsOrThrow("provider").getStringValue() + " "
        + r.getFieldsOrThrow("api_key").getStringValue() + " " + r.getFieldsOrThrow("stream").getBoolValue())
        .containsExactly("openai " + AgentChat.OPENAI_KEY + " true", "anthropic " + AgentChat.ANTHROPIC_KEY + " true");
  }

  @Test
  void aReplyStreamsIntoItsPostWithEditsAtABoundedRate() throws Exception {
    Post question = chat.dm(ann, "gpt", "stream slowly please");
    Post reply = chat.awaitFinished(question.getId(), "gpt", 1);
    List<String> edits = recordedEdits(reply.getMessage());
    // About 1.5 s of tokens, edits at least 100 ms apart: several partial states, far fewer than 60 chunks.
    assertThat(edits.size()).as("edits %s", edits).isBetween(5, 20);
    for (int i = 1; i < edits.size(); i++) {
      assertThat(edits.get(i)).startsWith(edits.get(i - 1));
    }
    assertThat(edits.get(edits.size() - 1)).isEqualTo(reply.getMessage());
  }

  @Test
  void claudeCallsAToolOfTheStdioServerAndItsThinkingBlockComesBackUnchanged() throws Exception {
    Post question = chat.dm(ann, "claude", "What's the weather in Paris?");
    Post reply = chat.awaitFinished(question.getId(), "claude", 1);
    assertThat(reply.getMessage()).contains("`demo__forecast` `{\"city\": \"Paris\"}`")
        .endsWith("The forecast for Paris: sunny, 21 °C.");
    List<Struct> requests = fake.requests("weather");
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).getFieldsOrThrow("thinking").getStructValue().getFieldsOrThrow("type").getStringValue())
        .isEqualTo("enabled");
    assertThat(requests.get(1).getFieldsOrThrow("thinking_blocks_verified").getNumberValue()).isEqualTo(1);
    assertThat(Files.readString(calls)).contains("{\"server\": \"demo\", \"tool\": \"forecast\", \"arguments\": {\"city\": \"Paris\"}}");
  }

  @Test
  void toolsOfTheStreamableHttpAndTheLegacySseServersAreOfferedAndCalled() throws Exception {
    Post question = chat.dm(ann, "gpt", "compare Oslo and Lima");
    Post reply = chat.awaitFinished(question.getId(), "gpt", 1);
    assertThat(reply.getMessage()).endsWith("Both forecasts: Oslo: snow, -4 °C | Lima: cloudy, 17 °C");
    assertThat(fake.requests("two-servers").get(0).getFieldsOrThrow("tools").getListValue().getValuesList())
        .extracting(Value::getStringValue).contains("demo__forecast", "weather__forecast", "legacy__forecast");
    String status = chat.command(ann, question, "/agent status");
    assertThat(status).contains("`weather`: up over streamable HTTP", "`legacy`: up over HTTP+SSE", "`demo`: up over stdio");
  }

  @Test
  void aMentionInAChannelIsAnsweredInAThreadAndBotsAndSystemPostsAreIgnored() throws Exception {
    Team team = chat.api().createTeam(Team.newBuilder().setName("agents").setDisplayName("Agents").build());
    chat.api().createTeamMember(team.getId(), ann.getId());
    Channel channel = chat.api().createChannel(Channel.newBuilder().setTeamId(team.getId()).setName("lobby")
        .setDisplayName("Lobby").setType("O").build());
    chat.api().addChannelMember(channel.getId(), ann.getId());
    Post question = chat.post(ann, channel.getId(), "@claude say hello in the lobby", "");
    assertThat(chat.awaitFinished(question.getId(), "claude", 1).getRootId()).isEqualTo(question.getId());

    User claude = chat.api().getUser(chat.botId("claude"));
    int before = fake.requests().size();
    chat.post(claude, channel.getId(), "@gpt say hello from a bot", "");
    chat.api().createPost(Post.newBuilder().setUserId(ann.getId()).setChannelId(channel.getId())
        .setType("system_join_channel").setMessage("@gpt say hello, ann joined").build());
    Thread.sleep(1500);
    assertThat(fake.requests()).hasSize(before);
  }

  @Test
  void aReplyOverThePostLimitContinuesInAFollowUpPost() throws Exception {
    Post question = chat.dm(ann, "gpt", "write a long essay");
    Post last = chat.awaitFinished(question.getId(), "gpt", 1);
    List<Post> parts = chat.botPosts(question.getId(), "gpt");
    assertThat(parts).hasSize(2).allMatch(p -> p.getMessage().length() <= PostStore.MAX_MESSAGE_LENGTH);
    assertThat(prop(last, "agent_continues")).isEqualTo(parts.get(0).getId());
    assertThat(parts.get(0).getMessage() + parts.get(1).getMessage())
        .isEqualTo("All work and no play makes a dull bot. ".repeat(500));
  }

  @Test
  void aBrokenStreamAndAnOverloadedModelEndTheReplyWithAVisibleError() throws Exception {
    Post broken = chat.dm(ann, "claude", "break the stream now");
    assertThat(chat.awaitFinished(broken.getId(), "claude", 1).getMessage())
        .startsWith("This answer starts well").contains("**Error:** the reply stopped");
    Post overloaded = chat.dm(ann, "gpt", "overload yourself");
    assertThat(chat.awaitFinished(overloaded.getId(), "gpt", 1).getMessage())
        .contains("**Error:** the reply stopped").contains("overloaded");
  }

  @Test
  void threeToolFailuresInARowStopTheTurnWithAnExplanation() throws Exception {
    Post question = chat.dm(ann, "gpt", "break the tool, please");
    assertThat(chat.awaitFinished(question.getId(), "gpt", 1).getMessage())
        .contains("I stopped: 3 tool calls failed in a row").contains("fail was asked to fail: third");
    assertThat(fake.requests("fail-three-times")).hasSize(3);
  }

  /** The messages of the host's MessageHasBeenUpdated calls for the post now reading {@code finalText}. */
  private List<String> recordedEdits(String finalText) throws Exception {
    String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(host.uri("/plugins/test.hooks/records")
        .toString())).build(), HttpResponse.BodyHandlers.ofString()).body();
    Struct records = ProtoJson.merge(body, Struct.newBuilder()).build();
    return records.getFieldsOrThrow("MessageHasBeenUpdated").getListValue().getValuesList().stream()
        .map(v -> v.getStructValue().getFieldsOrThrow("new").getStringValue())
        .filter(m -> !m.equals("\u2026") && finalText.startsWith(m)).toList();
  }
}
