package dev.pyplugins.sample.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Logging in and out of the page, and the session outliving a reload. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginPageIT {
  private Path root;
  private BrowserHost host;
  private Chromium browser;

  @BeforeAll
  void start(@TempDir Path root) throws Exception {
    this.root = root;
    host = BrowserHost.start(root, "hello");
    browser = Chromium.start();
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
  void theRootSendsSomeoneWhoIsNotLoggedInToTheLoginForm() throws Exception {
    new ChatPage(browser, host.uri()).open("/");
    LoginPage login = new LoginPage(browser, host.uri());
    login.find("login-form");
    assertThat(login.path()).isEqualTo("/login");
    browser.screenshot("login");
  }

  @Test
  @Order(2)
  void aWrongPasswordIsRefusedWithTheHostsMessage() {
    LoginPage login = new LoginPage(browser, host.uri()).open();
    login.submit(host.login().user(), "not-the-password");
    assertThat(login.error()).contains("valid email or username");
    assertThat(login.isShown()).isTrue();
  }

  @Test
  @Order(3)
  void aUserLogsInLandsInTownSquareAndStaysLoggedInAcrossAReload() {
    ChatPage chat = new LoginPage(browser, host.uri()).open().logIn(host.login().user(), host.login().userPassword());
    assertThat(chat.path()).isEqualTo("/demo/channels/town-square");
    assertThat(chat.find("me").getText()).isEqualTo("@" + host.login().user());
    assertThat(browser.driver.manage().getCookieNamed("MMAUTHTOKEN")).as("the session cookie").isNotNull();

    browser.driver.navigate().refresh();
    assertThat(chat.awaitChannel()).isEqualTo("Town Square");
    assertThat(chat.find("me").getText()).isEqualTo("@" + host.login().user());
  }

  @Test
  @Order(4)
  void loggingOutEndsTheSessionOnTheHostToo() {
    ChatPage chat = new ChatPage(browser, host.uri());
    chat.find("logout").click();
    LoginPage login = new LoginPage(browser, host.uri());
    login.find("login-form");
    assertThat(browser.driver.manage().getCookieNamed("MMAUTHTOKEN")).as("the session cookie").isNull();

    chat.open("/demo/channels/off-topic"); // a reload asks GET /users/me, which now answers 401
    login.find("login-form");
    assertThat(login.path()).isEqualTo("/login");
  }

  @Test
  @Order(5)
  void afterLoginThePageGoesBackWhereItWasSent() {
    new ChatPage(browser, host.uri()).open("/demo/channels/off-topic");
    ChatPage chat = new LoginPage(browser, host.uri()).logIn(host.login().user(), host.login().userPassword());
    assertThat(chat.awaitChannel()).isEqualTo("Off-Topic");
    assertThat(chat.path()).isEqualTo("/demo/channels/off-topic");
  }

  @Test
  @Order(6)
  void aSecondLoginInTheSamePageGetsLiveEventsAgain() {
    ChatPage chat = new ChatPage(browser, host.uri());
    chat.find("logout").click();
    new LoginPage(browser, host.uri()).logIn(host.login().user(), host.login().userPassword());
    host.postAs(host.login().admin(), "off-topic", "live after logging in again");
    chat.awaitPost(m -> m.equals("live after logging in again"), "posted by the admin after the second login");
  }
}
