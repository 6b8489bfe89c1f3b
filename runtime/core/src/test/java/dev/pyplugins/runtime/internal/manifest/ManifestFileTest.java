package dev.pyplugins.runtime.internal.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin.json made to hurt the host: a FIFO (blocks a reader forever), a link to {@code /dev/zero} (fills the
 * heap), a 60 MB manifest of 3 million keys, deep nesting, a link to a file outside the plugin whose content
 * must never reach an error. Each is refused quickly, naming the problem, with nothing of the content.
 */
class ManifestFileTest {
  private static final Duration QUICK = Duration.ofSeconds(30); // generous: a loaded 2-core machine
  private static final String MARKER = "SECRETMARKER4f1c9e";

  @TempDir Path dir;
  private final ManifestLoader loader = new ManifestLoader("linux-amd64");

  @Test
  void aFifoIsRefusedWithoutBlocking() throws Exception {
    Path plugin = Files.createDirectory(dir.resolve("plugin"));
    Process mkfifo = new ProcessBuilder("mkfifo", plugin.resolve("plugin.json").toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();

    InvalidManifestException e = refused(plugin);

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("plugin.json");
      assertThat(p.message()).contains("is not a regular file");
    });
  }

  @Test
  void aFifoSwappedInAfterTheCheckCannotBlockTheReaderEither() throws Exception {
    Path fifo = dir.resolve("plugin.json");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    long start = System.nanoTime();

    InvalidManifestException e = assertTimeoutPreemptively(QUICK, () -> catchThrowableOfType(
        InvalidManifestException.class, () -> ManifestFile.readAtMost(fifo, Duration.ofMillis(300))));

    System.out.printf("FIFO swapped in after the check: the read gave up after %d ms%n",
        (System.nanoTime() - start) / 1_000_000);
    assertThat(e.getMessage()).contains("could not be read within 300 ms");
    // Frees the abandoned reader: a writer's open completes the reader's (on a daemon thread, never waited for).
    Thread writer = new Thread(() -> {
      try {
        Files.newOutputStream(fifo).close();
      } catch (IOException ignored) {
        // the reader is gone already
      }
    });
    writer.setDaemon(true);
    writer.start();
  }

  @Test
  void aLinkToDevZeroIsRefusedWithoutReadingIt() throws IOException {
    Path plugin = Files.createDirectory(dir.resolve("plugin"));
    Files.createSymbolicLink(plugin.resolve("plugin.json"), Path.of("/dev/zero"));

    InvalidManifestException e = refused(plugin);

    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("is a symbolic link"));
  }

  @Test
  void aLinkToAFileOutsideIsRefusedAndItsContentNeverShown() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.json"),
        "{\"id\": \"com.example.secret\", \"" + MARKER + "\": 1, \"server\": {\"runtime\": \"" + MARKER + "\"}}");
    Path plugin = Files.createDirectory(dir.resolve("plugin"));
    Files.createSymbolicLink(plugin.resolve("plugin.json"), secret);

    InvalidManifestException e = refused(plugin);

    assertThat(e.getMessage()).contains("is a symbolic link").doesNotContain(MARKER);
  }

  @Test
  void syntaxErrorsSayWhereButNeverQuoteTheText() throws IOException {
    Path plugin = Files.createDirectory(dir.resolve("plugin"));
    Files.writeString(plugin.resolve("plugin.json"), "{\"id\": " + MARKER + "}");

    InvalidManifestException e = refused(plugin);

    assertThat(e.getMessage()).contains("not valid JSON at line 1, column").doesNotContain(MARKER);
  }

  @Test
  void aSixtyMegabyteManifestOfThreeMillionKeysIsRefusedByItsSize() throws IOException {
    Path plugin = Files.createDirectory(dir.resolve("plugin"));
    Path file = plugin.resolve("plugin.json");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("{\"id\": \"com.example.big\"");
      for (int i = 0; i < 3_000_000; i++) {
        out.write(",\"k" + i + "\":\"vvvvvvvvvv\"");
      }
      out.write("}");
    }
    long heapBefore = usedHeap();
    long start = System.nanoTime();

    InvalidManifestException e = refused(plugin);

    System.out.printf("big manifest: %d MB refused in %d ms, heap grew by %d MiB%n", Files.size(file) / 1_000_000,
        (System.nanoTime() - start) / 1_000_000, Math.max(0, usedHeap() - heapBefore) >> 20);
    assertThat(Files.size(file)).isGreaterThan(60_000_000);
    assertThat(e.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("larger than the limit of 1048576 bytes"));
  }

  @Test
  void aManifestUnderTheSizeLimitWithTooManyValuesIsRefused() throws IOException {
    Path plugin = Files.createDirectory(dir.resolve("plugin"));
    StringBuilder json = new StringBuilder("{\"id\": \"com.example.many\", \"x\": [0");
    json.append(",0".repeat(300_000)).append("]}");
    Files.writeString(plugin.resolve("plugin.json"), json);

    InvalidManifestException e = refused(plugin);

    assertThat(e.getMessage()).contains("is too large or too deeply nested").contains("Token count");
  }

  @Test
  void deepNestingIsRefused() throws IOException {
    Path plugin = Files.createDirectory(dir.resolve("plugin"));
    Files.writeString(plugin.resolve("plugin.json"),
        "{\"id\": \"com.example.deep\", \"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}");

    InvalidManifestException e = refused(plugin);

    assertThat(e.getMessage()).contains("is too large or too deeply nested").contains("nesting depth");
  }

  @Test
  void aHugeValueIsQuotedOnlyInPart() throws IOException {
    Path plugin = Files.createDirectory(dir.resolve("plugin"));
    String huge = "x".repeat(500_000);
    Files.writeString(plugin.resolve("plugin.json"),
        "{\"id\": \"com.example.huge\", \"server\": {\"runtime\": \"" + huge + "\"}}");

    InvalidManifestException e = refused(plugin);

    assertThat(e.getMessage()).contains("(500000 characters)").hasSizeLessThan(1000);
  }

  private InvalidManifestException refused(Path plugin) {
    return assertTimeoutPreemptively(QUICK,
        () -> catchThrowableOfType(InvalidManifestException.class, () -> loader.load(plugin)),
        "plugin.json must be refused quickly, not read");
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
