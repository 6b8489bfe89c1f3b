package dev.pyplugins.sample.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyplugins.protocol.v1.AppErrorException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
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
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The operator console, as the demo's system administrator: plugins, restart, settings, install, remove. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolePageIT {
  private static final String HELLO = "com.example.hello";
  private static final String STREAM = "test.stream";
  private static final Duration PLUGIN_START = Duration.ofSeconds(30);

  private Path root;
  private BrowserHost host;
  private Chromium browser;
  private ConsolePage console;

  @BeforeAll
  void start(@TempDir Path root) throws Exception {
    this.root = root;
    host = BrowserHost.start(root, "hello");
    browser = Chromium.start();
    new LoginPage(browser, host.uri()).open().logIn(host.login().admin(), host.login().adminPassword());
    console = new ConsolePage(browser, host.uri());
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
  void everyPluginIsListedWithItsStateVersionRestartsAndHookLatency() throws Exception {
    host.postAs(host.login().user(), "town-square", "a post for MessageWillBePosted");
    console.open();
    console.awaitState(HELLO, "RUNNING", PLUGIN_START);
    assertThat(console.field(HELLO, "plugin-version")).isEqualTo("0.1.0");
    assertThat(console.field(HELLO, "plugin-restarts")).isEqualTo("0");
    assertThat(console.field(HELLO, "plugin-error")).isEqualTo("none");
    WebElement row = console.find(By.cssSelector(
        "[data-plugin-id='" + HELLO + "'] [data-testid='hook-latency'][data-hook='MessageWillBePosted']"));
    String[] cells = row.getText().split("\\s+");
    assertThat(cells[0]).isEqualTo("MessageWillBePosted");
    assertThat(Integer.parseInt(cells[1])).as("calls").isGreaterThanOrEqualTo(1);
    assertThat(row.getText()).contains(" ms");
    console.click(HELLO, "plugin-log");
    browser.waiting().until(d -> console.field(HELLO, "plugin-log-lines").contains("hello plugin activated"));
    browser.screenshot("console");
  }

  @Test
  @Order(2)
  void restartStopsAndStartsThePluginAgain() {
    long before = activations();
    console.click(HELLO, "restart-plugin");
    browser.waiting(PLUGIN_START).withMessage(() -> "the log after the restart: " + console.field(HELLO, "plugin-log-lines"))
        .until(d -> activations() == before + 1 && console.state(HELLO).equals("RUNNING"));
    assertThat(console.all("plugin-action-error")).isEmpty();
  }

  @Test
  @Order(3)
  void theSettingsFormFromTheManifestSavesWhatThePluginThenUses() throws Exception {
    console.click(HELLO, "plugin-settings");
    WebElement form = console.find(By.cssSelector("[data-plugin-id='" + HELLO + "'] [data-testid='settings-form']"));
    WebElement word = form.findElement(By.id("setting-BlockedWord"));
    browser.waiting().until(d -> "badword".equals(word.getAttribute("value")));
    assertThat(form.getText()).contains("Blocked word", "Messages containing this word are rejected.");
    word.clear();
    word.sendKeys("cabbage");
    form.findElement(Page.testId("save-settings")).click();
    console.find("settings-saved");
    browser.screenshot("console-settings");

    browser.waiting().ignoring(AssertionError.class).until(d -> {
      assertThatThrownBy(() -> host.postAs(host.login().user(), "town-square", "cabbage soup"))
          .isInstanceOf(AppErrorException.class).hasMessageContaining("cabbage");
      return true;
    });
    assertThat(host.postAs(host.login().user(), "town-square", "badword is fine now").getMessage())
        .isEqualTo("badword is fine now");
    console.click(HELLO, "plugin-settings");
  }

  @Test
  @Order(4)
  void anUploadedBundleIsInstalledAndRuns() throws Exception {
    Path bundle = Bundles.tarGz(BrowserHost.pluginSource("stream_reply"), root.resolve("stream_reply.tar.gz"));
    console.find("bundle-file").sendKeys(bundle.toString());
    browser.waiting().until(ExpectedConditions.elementToBeClickable(Page.testId("upload-bundle"))).click();
    WebElement result = browser.waiting(ConsolePage.INSTALL_PATIENCE).until(d -> d.findElements(Page.testId("upload-result"))
        .stream().findFirst().orElse(null));
    assertThat(result.getText()).contains("Stream reply", "0.1.0");
    console.plugin(STREAM);
    if (!console.plugin(STREAM).findElements(Page.testId("enable-plugin")).isEmpty()) {
      console.click(STREAM, "enable-plugin"); // Mattermost installs a plugin disabled
    }
    console.awaitState(STREAM, "RUNNING", ConsolePage.INSTALL_PATIENCE);
    assertThat(host.statusOf(STREAM)).isEqualTo("RUNNING");
    browser.screenshot("console-upload");
  }

  @Test
  @Order(5)
  void aSecretSettingIsSavedButOnlyEverShownMasked() {
    console.click(STREAM, "plugin-settings");
    By keyInput = By.cssSelector("[data-plugin-id='" + STREAM + "'] [data-testid='settings-form'] #setting-ApiKey");
    WebElement key = console.find(keyInput);
    assertThat(key.getAttribute("type")).isEqualTo("password");
    key.sendKeys("sk-not-for-eyes");
    console.plugin(STREAM).findElement(Page.testId("save-settings")).click();
    console.find("settings-saved");

    console.click(STREAM, "plugin-settings"); // closed, then opened again: read back from GET /config
    console.click(STREAM, "plugin-settings");
    browser.waiting().until(d -> !console.find(keyInput).getAttribute("value").isEmpty());
    assertThat(console.find(keyInput).getAttribute("value")).isEqualTo("********************************");
    assertThat(browser.driver.getPageSource()).doesNotContain("sk-not-for-eyes");
    console.click(STREAM, "plugin-settings");
  }

  @Test
  @Order(6)
  void disableStopsAPluginAndEnableStartsIt() {
    console.click(STREAM, "disable-plugin");
    browser.waiting(PLUGIN_START).until(d -> !console.state(STREAM).equals("RUNNING")
        && !console.plugin(STREAM).findElements(Page.testId("enable-plugin")).isEmpty());
    assertThat(host.statusOf(STREAM)).isEqualTo("STOPPED");
    console.click(STREAM, "enable-plugin");
    console.awaitState(STREAM, "RUNNING", PLUGIN_START);
  }

  @Test
  @Order(7)
  void removeUninstallsAPlugin() {
    console.click(STREAM, "remove-plugin");
    browser.waiting().until(d -> {
      d.switchTo().alert().accept();
      return true;
    });
    browser.waiting(PLUGIN_START).until(d -> d.findElements(console.card(STREAM)).isEmpty());
    assertThat(host.statusOf(STREAM)).isEqualTo("(not installed)");
    assertThat(console.state(HELLO)).isEqualTo("RUNNING");
  }

  @Test
  @Order(8)
  void someoneWhoIsNotAnAdministratorIsRefusedByTheHost() {
    console.find("logout").click();
    new LoginPage(browser, host.uri()).submit(host.login().user(), host.login().userPassword());
    console.find("console"); // back where the logout left: the console
    assertThat(console.find("me").getText()).isEqualTo("@" + host.login().user());
    WebElement refusal = console.find(By.cssSelector("[data-testid='console'] [role='alert']"));
    assertThat(refusal.getText()).contains("system administrators only");
    assertThat(console.all("plugin")).isEmpty();
  }

  private long activations() {
    return Arrays.stream(console.field(HELLO, "plugin-log-lines").split("\n"))
        .filter(line -> line.contains("hello plugin activated")).count();
  }
}
