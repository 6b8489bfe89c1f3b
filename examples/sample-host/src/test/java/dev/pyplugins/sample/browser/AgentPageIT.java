package dev.pyplugins.sample.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.sample.db.ProtoJson;
import dev.pyplugins.sample.e2e.DevServer;
import dev.pyplugins.sample.e2e.WireFake;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The agent plugin's answer seen growing on the page: a person DMs {@code @claude}, opens the question's thread
 * and watches the bot's reply being edited as the model's tokens arrive, with the tool call it made through an
 * MCP server (stdio). The real plugin and provider classes, the LLM wire fake with the tour's script.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentPageIT {
  private static final String AGENT = "com.example.agent";
  /** Records every text the bot's replies in the thread pane show, as the DOM changes. */
  private static final String RECORDER = """
      window.__streamed = [];
      new MutationObserver(() => {
        for (const post of document.querySelectorAll("[data-testid='thread'] [data-testid='post']")) {
          const author = post.querySelector("[data-testid='post-author']");
          if (author && author.textContent === 'claude') {
            const text = post.querySelector("[data-testid='post-message']").textContent;
            if (window.__streamed.at(-1) !== text) window.__streamed.push(text);
          }
        }
      }).observe(document.body, {subtree: true, childList: true, characterData: true});
      """;

  private WireFake fake;
  private BrowserHost host;
  private Chromium browser;
  private ChatPage chat;

  @BeforeAll
  void start(@TempDir Path root) throws Exception {
    fake = WireFake.start("demo.json");
    host = BrowserHost.start(root, "agent");
    String demoServer = "[{\"name\":\"demo\",\"transport\":\"stdio\",\"command\":" + quote(DevServer.PYTHON
        .toAbsolutePath().toString()) + ",\"args\":[" + quote(DevServer.DIR.resolve("mcp_test_server.py")
        .toAbsolutePath().toString()) + ",\"--name\",\"demo\"]}]";
    host.api().pluginSettings().save(AGENT, ProtoJson.merge("{\"AnthropicAPIKey\":\"sk-page-test\","
        + "\"AnthropicBaseURL\":" + quote(fake.url()) + ",\"StreamUpdateIntervalMs\":100,"
        + "\"McpHealthCheckSeconds\":1,\"McpServers\":" + quote(demoServer) + "}", Struct.newBuilder()).build());
    User ann = host.user(host.login().user());
    Channel direct = host.api().getDirectChannel(ann.getId(), awaitBot("claude").getId());
    browser = Chromium.start();
    chat = new LoginPage(browser, host.uri()).open().logIn(host.login().user(), host.login().userPassword());
    chat.openChannel(direct.getName());
  }

  @AfterAll
  void stop() {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      host.close();
      fake.close();
    }
  }

  @Test
  void theBotsAnswerGrowsInTheThreadAsTheModelStreamsItWithTheToolCallItMade() throws Exception {
    chat.send("What's the weather in Paris today?");
    WebElement question = chat.awaitPost(m -> m.contains("weather in Paris"), "the question");
    question.findElement(Page.testId("open-thread")).click();
    WebElement thread = chat.find("thread");
    browser.driver.executeScript(RECORDER);

    By replies = By.cssSelector("[data-testid='post'] [data-testid='post-message']");
    browser.waiting(Duration.ofSeconds(90)).until(d -> thread.findElements(replies).stream()
        .anyMatch(e -> e.getText().contains("Let me check")));
    browser.screenshot("agent-streaming");
    browser.waiting(Duration.ofSeconds(90)).until(d -> thread.findElements(replies).stream()
        .anyMatch(e -> e.getText().contains("Enjoy your day in Paris!")));
    browser.screenshot("agent-answered");

    List<String> seen = recorded();
    String answer = seen.get(seen.size() - 1);
    assertThat(answer).as("the finished answer, with the MCP tool's result")
        .contains("demo__forecast").contains("sunny, 21 °C").contains("Enjoy your day in Paris!");
    List<String> growing = seen.stream().filter(s -> !s.isBlank() && answer.startsWith(s.strip())).toList();
    assertThat(growing.size()).as("texts of the reply seen on its way to the answer: %s", seen)
        .isGreaterThanOrEqualTo(3);
  }

  private User awaitBot(String username) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      try {
        return host.user(username);
      } catch (AppErrorException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the agent did not make its bot @" + username, e);
        }
        Thread.sleep(200);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private List<String> recorded() {
    return new ArrayList<>((List<String>) browser.driver.executeScript("return window.__streamed;"));
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
