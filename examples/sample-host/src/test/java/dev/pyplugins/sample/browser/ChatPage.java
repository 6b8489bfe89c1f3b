package dev.pyplugins.sample.browser;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/** The chat: sidebar, the open channel's posts, the composer, the thread pane. */
final class ChatPage extends Page {
  ChatPage(Chromium browser, URI host) {
    super(browser, host);
  }

  /** Waits for a channel to be open and its posts loaded; returns its title. */
  String awaitChannel() {
    find("channel");
    browser.waiting().until(d -> d.findElements(By.cssSelector("[data-testid='posts'] .hint")).stream()
        .noneMatch(e -> e.getText().startsWith("Loading")));
    return find("channel-title").getText();
  }

  void openChannel(String name) {
    find(By.cssSelector("[data-testid='channel-link'][data-channel-name='" + name + "']")).click();
    browser.waiting().until(d -> path().endsWith("/channels/" + name));
    awaitChannel();
  }

  /** Types into the channel's composer (not sending). */
  WebElement type(String text) {
    WebElement input = find(By.cssSelector("[data-testid='composer'] [data-testid='message-input']"));
    input.sendKeys(text);
    return input;
  }

  void send(String text) {
    type(text).sendKeys(Keys.ENTER);
  }

  /** The root posts' messages as shown, oldest first. */
  List<String> messages() {
    return texts(By.cssSelector("[data-testid='posts'] > [data-testid='post'] [data-testid='post-message']"));
  }

  /** The first root post whose message satisfies the test, once it is there. */
  WebElement awaitPost(java.util.function.Predicate<String> message, String description) {
    return browser.waiting().withMessage(() -> "no post " + description + " among " + messages()).until(d ->
        post(message).orElse(null));
  }

  Optional<WebElement> post(java.util.function.Predicate<String> message) {
    for (WebElement post : browser.driver.findElements(By.cssSelector("[data-testid='posts'] > [data-testid='post']"))) {
      try {
        if (message.test(post.findElement(testId("post-message")).getText())) {
          return Optional.of(post);
        }
      } catch (StaleElementReferenceException e) {
        return Optional.empty(); // re-rendered while looking: the caller's wait asks again
      }
    }
    return Optional.empty();
  }

  String composerError() {
    return find("composer-error").getText();
  }

  List<String> texts(By by) {
    try {
      return browser.driver.findElements(by).stream().map(WebElement::getText).toList();
    } catch (StaleElementReferenceException e) {
      return texts(by);
    }
  }
}
