package dev.pyplugins.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import dev.pyplugins.protocol.v1.Bot;
import dev.pyplugins.protocol.v1.BotGetOptions;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the agent keeps when things stop: its bots (ensured once), thread memory (the thread itself), a pending
 * approval (in the KV store), and its stdio MCP server (restarted when it dies, stopped with the plugin).
 */
class AgentRestartIT {
  @TempDir
  Path root;
  private WireFake fake;
  private TestHost host;
  private AgentChat chat;
  private Path pidFile;
  private Path calls;

  @BeforeEach
  void start() throws Exception {
    fake = WireFake.start("e2e.json");
    pidFile = root.resolve("demo.pid");
    calls = root.resolve("calls.jsonl");
    startHost();
  }

  @AfterEach
  void stop() throws Exception {
    host.close();
    fake.close();
  }

  private Struct settings() {
    return AgentChat.settings(fake.url(), "[" + AgentChat.stdioServer("demo", pidFile, calls,
        ",\"tool_policy\":{\"add\":\"ask\"}") + "]");
  }

  private void startHost() throws Exception {
    Path plugins = Files.isDirectory(root.resolve("plugins")) ? root.resolve("plugins") : TestHost.plugins(root, "agent");
    host = TestHost.start(root.resolve("data"), plugins, AgentChat.AGENT_PYTHON);
    chat = new AgentChat(host);
    chat.configure(settings());
  }

  private void restartHost() throws Exception {
    host.close();
    startHost();
  }

  @Test
  void theBotsAreEnsuredOnceAcrossPluginAndHostRestarts() throws Exception {
    List<String> first = botIds();
    host.host.plugins().restart(AgentChat.PLUGIN);
    List<String> afterPluginRestart = botIds();
    restartHost();
    List<String> afterHostRestart = botIds();

    assertThat(first).hasSize(2);
    assertThat(afterPluginRestart).isEqualTo(first);
    assertThat(afterHostRestart).isEqualTo(first);
    assertThat(chat.api().getUserByUsername("gpt").getIsBot()).isTrue();
    assertThat(chat.api().getBot(chat.botId("claude"), false).getDisplayName()).isEqualTo("Claude");
  }

  @Test
  void theThreadIsTheMemoryAcrossAHostRestart() throws Exception {
    User ann = chat.person("ann");
    Post first = chat.dm(ann, "claude", "say hello once");
    chat.awaitFinished(first.getId(), "claude", 1);
    restartHost();
    chat.dm(ann, "claude", "how many messages do you see?", first.getId());
    assertThat(chat.awaitFinished(first.getId(), "claude", 2).getMessage())
        .isEqualTo("I see 2 user messages; the first is: say hello once");
  }

  @Test
  void anAskToolRunsOnlyWhenTheOwnerApprovesEvenAfterAPluginRestart() throws Exception {
    User ann = chat.person("ann");
    User bob = chat.person("bob");
    chat.awaitServersUp(ann, chat.dm(ann, "gpt", "anything"), "demo");
    Post question = chat.dm(ann, "claude", "add 2 and 3");
    Post request = chat.await(question.getId(), "claude", 1, p -> AgentChat.prop(p, "agent_kind").equals("approval"));
    assertThat(request.getMessage()).contains("**Approval needed.**", "`demo__add`", "@ann");
    Thread.sleep(500);
    assertThat(callsOf("add")).isZero();

    assertThat(chat.command(bob, question, "/agent approve")).contains("Only @ann");
    host.host.plugins().restart(AgentChat.PLUGIN);
    chat.awaitServersUp(ann, question, "demo");
    assertThat(callsOf("add")).isZero();
    assertThat(chat.command(ann, question, "/agent approve")).isEqualTo("Tool call approved.");

    Post answer = chat.await(question.getId(), "claude", 1, p -> p.getMessage().contains("The add tool answered"));
    assertThat(answer.getMessage()).endsWith("The add tool answered: 5");
    assertThat(callsOf("add")).isEqualTo(1);
    // The held message went through the KV store and a restart, its thinking block unchanged (the fake checks).
    assertThat(fake.requests("approval").get(1).getFieldsOrThrow("thinking_blocks_verified").getNumberValue())
        .isEqualTo(1);
    assertThat(chat.api().getPost(request.getId()).getMessage()).contains("**Approved** by @ann.");
  }

  @Test
  void aStdioServerThatDiesIsStartedAgainAndStopsWithThePlugin() throws Exception {
    User ann = chat.person("ann");
    long firstPid = awaitPid(0);
    ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();
    long secondPid = awaitPid(firstPid);
    chat.awaitServersUp(ann, chat.dm(ann, "gpt", "anything"), "demo");
    Post question = chat.dm(ann, "gpt", "count the calls");
    assertThat(chat.awaitFinished(question.getId(), "gpt", 1).getMessage())
        .endsWith("The server has served 1 calls.");

    host.host.plugins().deactivate(AgentChat.PLUGIN);
    assertThat(ProcessHandle.of(secondPid).map(ProcessHandle::onExit).map(f -> f.orTimeout(10,
        java.util.concurrent.TimeUnit.SECONDS).join()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  private long awaitPid(long other) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(pidFile)) {
        String text = Files.readString(pidFile).strip();
        if (!text.isEmpty() && Long.parseLong(text) != other && ProcessHandle.of(Long.parseLong(text)).isPresent()) {
          return Long.parseLong(text);
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the stdio MCP server did not (re)start");
  }

  private long callsOf(String tool) throws Exception {
    return Files.exists(calls) ? Files.readAllLines(calls).stream().filter(l -> l.contains("\"tool\": \"" + tool + "\""))
        .count() : 0;
  }

  private List<String> botIds() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<Bot> bots = List.of();
    while (System.nanoTime() < deadline) {
      bots = chat.api().getBots(BotGetOptions.newBuilder().setOwnerId(AgentChat.PLUGIN).setIncludeDeleted(true)
          .setPerPage(100).build());
      if (bots.size() >= 2) {
        break;
      }
      Thread.sleep(100);
    }
    return bots.stream().map(Bot::getUserId).sorted().toList();
  }
}
