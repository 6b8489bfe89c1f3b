package dev.pyplugins.sample.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A bot's reply edited as its words arrive (the test plugin {@code test.stream}, a stand-in for an LLM bot)
 * is seen growing on the page, edit by edit, over the WebSocket's post_edited events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamedPostIT {
  private static final String WORDS = "alpha beta gamma delta epsilon zeta eta theta";
  /**
   * Records every text the bot's post shows, as the DOM changes (nothing sampled, nothing missed): the
   * messages of posts whose author is "streamer", each time any of them changes.
   */
  private static final String RECORDER = """
      window.__streamed = [];
      new MutationObserver(() => {
        for (const post of document.querySelectorAll("[data-testid='post']")) {
          const author = post.querySelector("[data-testid='post-author']");
          if (author && author.textContent === 'streamer') {
            const text = post.querySelector("[data-testid='post-message']").textContent;
            if (window.__streamed.at(-1) !== text) window.__streamed.push(text);
          }
        }
      }).observe(document.body, {subtree: true, childList: true, characterData: true});
      """;

  private Path root;
  private BrowserHost host;
  private Chromium browser;
  private ChatPage chat;

  @BeforeAll
  void start(@TempDir Path root) throws Exception {
    this.root = root;
    host = BrowserHost.start(root, "hello", "stream_reply");
    browser = Chromium.start();
    chat = new LoginPage(browser, host.uri()).open().logIn(host.login().user(), host.login().userPassword());
  }

  @AfterAll
  void stop() {
    try {
      browser.close();
    } finally {
      host.close();
    }
  }

  @Test
  @Order(1)
  void theBotsReplyGrowsWordByWordAsItIsEdited() throws Exception {
    chat.send("Can teh bot stream its answer?"); // the scene for the README's screenshot, with a reaction
    WebElement question = chat.awaitPost(m -> m.equals("Can the bot stream its answer?"), "rewritten by hello");
    host.react(host.login().admin(), question.getAttribute("data-post-id"), "+1");
    chat.find(By.cssSelector("[data-testid='reaction'][data-emoji='+1']"));

    browser.driver.executeScript(RECORDER);
    chat.send("/stream " + WORDS);

    WebElement reply = chat.awaitPost(m -> m.startsWith("alpha"), "from the streamer bot");
    browser.waiting().until(d -> reply.findElement(Page.testId("post-message")).getText().split(" ").length >= 3);
    browser.screenshot("chat-streaming");
    browser.waiting(Duration.ofSeconds(30)).until(d ->
        reply.findElement(Page.testId("post-message")).getText().equals(WORDS));

    List<String> seen = recorded();
    List<String> prefixes = prefixes(WORDS);
    assertThat(seen).as("every text the reply showed").allMatch(prefixes::contains);
    assertThat(seen).as("shown in order, each longer than the last")
        .isSortedAccordingTo((a, b) -> Integer.compare(a.length(), b.length())).doesNotHaveDuplicates();
    assertThat(seen.size()).as("distinct steps seen of %s: %s", prefixes.size(), seen).isGreaterThanOrEqualTo(4);
    assertThat(seen.get(seen.size() - 1)).isEqualTo(WORDS);
    assertThat(reply.findElement(Page.testId("post-edited")).getText()).isEqualTo("(edited)");
    assertThat(reply.findElement(By.className("badge")).getText()).isEqualTo("BOT");
  }

  @Test
  @Order(2)
  void thenThePluginsOwnWebSocketEventIsShown() throws Exception {
    WebElement event = chat.find(By.cssSelector("[data-testid='plugin-event'][data-event='custom_test.stream_stream_done']"));
    assertThat(event.getText()).contains("test.stream_stream_done", "\"words\":8", "post_id");
    browser.screenshot("chat-streamed");
  }

  @SuppressWarnings("unchecked")
  private List<String> recorded() {
    return new ArrayList<>((List<String>) browser.driver.executeScript("return window.__streamed;"));
  }

  private static List<String> prefixes(String words) {
    String[] all = words.split(" ");
    List<String> prefixes = new ArrayList<>();
    for (int i = 1; i <= all.length; i++) {
      prefixes.add(String.join(" ", java.util.Arrays.copyOf(all, i)));
    }
    return prefixes;
  }
}
