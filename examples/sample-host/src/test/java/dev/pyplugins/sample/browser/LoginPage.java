package dev.pyplugins.sample.browser;

import java.net.URI;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The login form at {@code /login}. */
final class LoginPage extends Page {
  LoginPage(Chromium browser, URI host) {
    super(browser, host);
  }

  LoginPage open() {
    open("/login");
    find("login-form");
    return this;
  }

  /** Fills the form and sends it; the caller waits for what it expects next. */
  void submit(String loginId, String password) {
    WebElement form = find("login-form");
    WebElement user = form.findElement(By.name("login_id"));
    user.clear();
    user.sendKeys(loginId);
    WebElement secret = form.findElement(By.name("password"));
    secret.clear();
    secret.sendKeys(password);
    form.findElement(By.cssSelector("button[type='submit']")).click();
  }

  ChatPage logIn(String loginId, String password) {
    submit(loginId, password);
    ChatPage chat = new ChatPage(browser, host);
    chat.awaitChannel();
    return chat;
  }

  String error() {
    return find("login-error").getText();
  }

  boolean isShown() {
    return !all("login-form").isEmpty();
  }
}
