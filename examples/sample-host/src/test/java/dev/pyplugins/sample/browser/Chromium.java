package dev.pyplugins.sample.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium with a fresh profile, driven by the machine's chromedriver. Both come from
 * Debian's packages; nothing is downloaded (Selenium Manager is never asked, since both paths are given).
 * Without them, {@link #start} fails with what to install: the browser tests never skip.
 */
final class Chromium implements AutoCloseable {
  static final Path BROWSER = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of(System.getProperty("browser.screenshots", "target/screenshots"));
  static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final String DRIVER_PROPERTY = "webdriver.chrome.driver";

  final ChromeDriver driver;
  private final Path profile;
  private static final java.util.concurrent.atomic.AtomicInteger TIMEOUTS = new java.util.concurrent.atomic.AtomicInteger();

  private Chromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static Chromium start() throws IOException {
    requireInstalled();
    Path profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    // As root in a closed network: no sandbox, no GPU, and none of the background calls home.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // The driver by path, so Selenium Manager never looks for one. (Through the system property rather than
    // ChromeDriverService.Builder, whose @AutoService annotation javac warns about without that library.)
    System.setProperty(DRIVER_PROPERTY, DRIVER.toString());
    return new Chromium(new ChromeDriver(options), profile);
  }

  private static void requireInstalled() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(BROWSER)) {
      missing.add("Chromium (" + BROWSER + ", package chromium)");
    }
    if (!Files.isExecutable(DRIVER)) {
      missing.add("ChromeDriver (" + DRIVER + ", package chromium-driver)");
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("The browser tests need " + String.join(" and ", missing)
          + ": install Debian's packages with `apt-get install -y chromium chromium-driver` (.ci/run does), "
          + "or point -Dbrowser.chromium and -Dbrowser.chromedriver at them.");
    }
  }

  WebDriverWait waiting() {
    return waiting(PATIENCE);
  }

  WebDriverWait waiting(Duration patience) {
    WebDriverWait wait = new WebDriverWait(driver, patience, Duration.ofMillis(50));
    wait.withMessage(() -> "(page at " + driver.getCurrentUrl() + ", shown in " + failureShot() + "; browser console: "
        + consoleLog() + ")");
    return wait;
  }

  /** Saves what the browser shows now as {@code target/screenshots/<name>.png}. */
  Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  /** A screenshot of a wait that timed out, to see what the page showed instead. */
  private String failureShot() {
    try {
      return screenshot("timeout-" + TIMEOUTS.incrementAndGet()).toString();
    } catch (IOException | RuntimeException e) {
      return "(no screenshot: " + e.getMessage() + ")";
    }
  }

  /** What the page wrote to its console since the last call (errors above all), for failure messages. */
  String consoleLog() {
    try {
      return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList().toString();
    } catch (RuntimeException e) {
      return "(unavailable: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
