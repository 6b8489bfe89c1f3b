package dev.pyplugins.sample.browser;

import java.net.URI;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/** The operator console at {@code /console}: one card per plugin, and the upload form. */
final class ConsolePage extends Page {
  /** Installing a bundle makes its venv: slower than anything else the page waits for. */
  static final Duration INSTALL_PATIENCE = Duration.ofSeconds(90);

  ConsolePage(Chromium browser, URI host) {
    super(browser, host);
  }

  ConsolePage open() {
    find("nav-console").click();
    find("console");
    return this;
  }

  By card(String pluginId) {
    return By.cssSelector("[data-testid='plugin'][data-plugin-id='" + pluginId + "']");
  }

  WebElement plugin(String pluginId) {
    return find(card(pluginId));
  }

  /** A field of a plugin's card, read afresh (the console re-renders as it polls). */
  String field(String pluginId, String testId) {
    try {
      return browser.driver.findElement(card(pluginId)).findElement(testId(testId)).getText();
    } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
      return "";
    }
  }

  String state(String pluginId) {
    return field(pluginId, "plugin-state");
  }

  void awaitState(String pluginId, String state, Duration patience) {
    browser.waiting(patience).withMessage(() -> pluginId + " is " + state(pluginId) + ", not " + state)
        .until(d -> state(pluginId).equals(state));
  }

  void click(String pluginId, String button) {
    plugin(pluginId).findElement(testId(button)).click();
  }
}
