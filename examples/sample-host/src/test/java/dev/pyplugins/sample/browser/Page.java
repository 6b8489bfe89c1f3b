package dev.pyplugins.sample.browser;

import java.net.URI;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** What every page object needs: the browser, the host's address, and elements by their data-testid. */
abstract class Page {
  final Chromium browser;
  final URI host;

  Page(Chromium browser, URI host) {
    this.browser = browser;
    this.host = host;
  }

  static By testId(String id) {
    return By.cssSelector("[data-testid='" + id + "']");
  }

  void open(String path) {
    browser.driver.get(host.resolve(path).toString());
  }

  /** Waits until the element is there and visible. */
  WebElement find(By by) {
    return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  WebElement find(String testId) {
    return find(testId(testId));
  }

  List<WebElement> all(String testId) {
    return browser.driver.findElements(testId(testId));
  }

  String path() {
    return URI.create(browser.driver.getCurrentUrl()).getPath();
  }
}
