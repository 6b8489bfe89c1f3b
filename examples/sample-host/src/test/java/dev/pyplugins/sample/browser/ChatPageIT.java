package dev.pyplugins.sample.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.Post;
import java.nio.file.Path;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The chat with the hello plugin: its rewrite, /hello with autocomplete, reactions, threads, live changes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatPageIT {
  private Path root;
  private BrowserHost host;
  private Chromium browser;
  private ChatPage chat;

  @BeforeAll
  void start(@TempDir Path root) throws Exception {
    this.root = root;
    host = BrowserHost.start(root, "hello");
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
  void aPostShowsAsTheHelloPluginRewroteIt() {
    chat.send("I think teh plugins work");
    WebElement post = chat.awaitPost(m -> m.contains("plugins work"), "with 'plugins work'");
    assertThat(post.findElement(Page.testId("post-message")).getText()).isEqualTo("I think the plugins work");
    assertThat(post.findElement(Page.testId("post-author")).getText()).isEqualTo(host.login().user());
    assertThat(host.postsIn("town-square")).extracting(Post::getMessage).contains("I think the plugins work");
  }

  @Test
  @Order(2)
  void aPostThePluginRejectsStaysInTheComposerWithTheReason() {
    chat.send("this is a badword");
    assertThat(chat.composerError()).contains("badword").contains("not allowed");
    assertThat(chat.messages()).noneMatch(m -> m.contains("badword"));
    chat.find(By.cssSelector("[data-testid='composer'] [data-testid='message-input']")).clear();
  }

  @Test
  @Order(3)
  void slashCommandsAreOfferedAsYouTypeAndHelloAnswersOnlyYou() throws Exception {
    WebElement input = chat.type("/hel");
    WebElement suggestion = chat.find(By.cssSelector("[data-testid='command-suggestion'][data-trigger='hello']"));
    assertThat(suggestion.getText()).contains("/hello", "[name]", "Say hello");
    browser.screenshot("chat-autocomplete");
    input.sendKeys(Keys.TAB);
    assertThat(input.getAttribute("value")).isEqualTo("/hello ");
    input.sendKeys("Ada", Keys.ENTER);

    WebElement answer = chat.awaitPost(m -> m.startsWith("Hello, Ada!"), "answering /hello");
    assertThat(answer.getAttribute("class")).contains("ephemeral");
    assertThat(answer.getText()).contains("only visible to you").containsPattern("You are greeting #\\d+\\.");
  }

  @Test
  @Order(4)
  void aPostFromSomeoneElseArrivesLiveAndTheirEditAndDeleteToo() {
    Post theirs = host.postAs(host.login().admin(), "town-square", "Hello from the admin, live");
    chat.awaitPost(m -> m.equals("Hello from the admin, live"), "from the admin");

    host.api().updatePost(theirs.toBuilder().setMessage("Hello from the admin, edited").build());
    WebElement edited = chat.awaitPost(m -> m.equals("Hello from the admin, edited"), "edited by the admin");
    assertThat(edited.findElement(Page.testId("post-edited")).getText()).isEqualTo("(edited)");

    host.api().deletePost(theirs.getId());
    browser.waiting().until(d -> chat.post(m -> m.startsWith("Hello from the admin")).isEmpty());
  }

  @Test
  @Order(5)
  void aReactionIsAddedAndRemovedAndOthersReactionsArriveLive() throws Exception {
    WebElement post = chat.awaitPost(m -> m.equals("I think the plugins work"), "the rewritten one");
    post.findElement(Page.testId("add-reaction")).click();
    post.findElement(By.cssSelector("[data-testid='emoji-picker'] [data-emoji='tada']")).click();
    WebElement mine = chat.find(By.cssSelector("[data-post-id='" + post.getAttribute("data-post-id")
        + "'] [data-testid='reaction'][data-emoji='tada']"));
    assertThat(mine.getText()).isEqualTo("🎉 1");
    assertThat(mine.getAttribute("class")).contains("mine");

    host.react(host.login().admin(), post.getAttribute("data-post-id"), "tada");
    browser.waiting().until(d -> mine.getText().equals("🎉 2"));
    browser.screenshot("chat");

    mine.click();
    browser.waiting().until(d -> mine.getText().equals("🎉 1") && !mine.getAttribute("class").contains("mine"));
  }

  @Test
  @Order(6)
  void aThreadOpensBesideTheChannelAndTakesReplies() throws Exception {
    WebElement post = chat.awaitPost(m -> m.equals("I think the plugins work"), "the rewritten one");
    post.findElement(Page.testId("open-thread")).click();
    WebElement thread = chat.find("thread");
    WebElement reply = thread.findElement(By.cssSelector("[data-testid='reply-composer'] [data-testid='message-input']"));
    reply.sendKeys("teh reply in the thread", Keys.ENTER);
    browser.waiting().until(d -> chat.texts(By.cssSelector("[data-testid='thread'] [data-testid='post-message']"))
        .contains("the reply in the thread"));
    browser.waiting().until(d -> post.findElement(Page.testId("open-thread")).getText().equals("1 reply"));
    assertThat(chat.messages()).doesNotContain("the reply in the thread"); // replies live in the thread
    browser.screenshot("chat-thread");
    chat.find("close-thread").click();
  }

  @Test
  @Order(7)
  void directMessagesAreListedAndOpen() {
    Channel direct = host.api().getDirectChannel(host.user(host.login().user()).getId(),
        host.user(host.login().admin()).getId());
    host.postIn(direct, host.login().admin(), "a direct hello");
    WebElement link = chat.find(By.cssSelector("[data-testid='channel-link'][data-channel-name='" + direct.getName() + "']"));
    assertThat(link.getText()).isEqualTo("@" + host.login().admin());
    chat.openChannel(direct.getName());
    assertThat(chat.find("channel-title").getText()).isEqualTo("@" + host.login().admin());
    assertThat(chat.messages()).containsExactly("a direct hello");
    chat.send("and back");
    chat.awaitPost(m -> m.equals("and back"), "sent in the direct channel");
    List<String> stored = host.api().getPostsForChannel(direct.getId(), 0, 10).getOrderList().stream()
        .map(id -> host.api().getPost(id).getMessage()).toList();
    assertThat(stored).contains("a direct hello", "and back");
  }
}
