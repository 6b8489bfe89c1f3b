package dev.pyplugins.sample.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyplugins.protocol.v1.AppErrorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleExtractorTest {
  @TempDir
  Path root;

  @Test
  void aMattermostStyleBundleUnpacksWithPrivatePermissions() throws Exception {
    Path into = Files.createDirectory(root.resolve("into"));
    BundleExtractor.extract(Bundles.stream(Bundles.of(Map.of("p/plugin.json", "{}", "p/server/plugin.py", "x"))),
        into);

    assertThat(into.resolve("p/server/plugin.py")).hasContent("x");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(into.resolve("p/plugin.json"))))
        .isEqualTo("rw-------");
  }

  @Test
  void entriesClimbingOutWithDotDotOrAbsoluteNamesAreRefusedAndNothingLandsOutside() throws Exception {
    Path into = Files.createDirectory(root.resolve("into"));
    for (String name : new String[] {"../evil.txt", "p/../../evil.txt", "/tmp/evil-" + root.getFileName()}) {
      assertThatThrownBy(() -> BundleExtractor.extract(Bundles.stream(Bundles.of(Map.of(name, "owned"))), into))
          .isInstanceOf(AppErrorException.class).hasMessageContaining(name.startsWith("/") ? "absolute" : "'..'");
    }
    assertThat(root.resolve("evil.txt")).doesNotExist();
    assertThat(Path.of("/tmp/evil-" + root.getFileName())).doesNotExist();
  }

  @Test
  void symbolicAndHardLinksAreRefused() throws Exception {
    Path into = Files.createDirectory(root.resolve("into"));
    assertThatThrownBy(() -> BundleExtractor.extract(Bundles.stream(Bundles.withLink("p/passwd", "/etc/passwd",
        TarConstants.LF_SYMLINK)), into)).hasMessageContaining("is a link or a special file");
    assertThatThrownBy(() -> BundleExtractor.extract(Bundles.stream(Bundles.withLink("p/shadow", "/etc/shadow",
        TarConstants.LF_LINK)), into)).hasMessageContaining("is a link or a special file");
    try (Stream<Path> left = Files.walk(into)) {
      assertThat(left.filter(Files::isSymbolicLink)).isEmpty();
    }
  }

  @Test
  void aGzipBombStopsAtTheSizeCap() throws Exception {
    Path into = Files.createDirectory(root.resolve("into"));
    byte[] bomb = Bundles.bomb("p/zeros", BundleExtractor.MAX_BYTES + (64L << 20));
    long start = System.nanoTime();

    assertThatThrownBy(() -> BundleExtractor.extract(Bundles.stream(bomb), into))
        .hasMessageContaining("unpacks to more than " + BundleExtractor.MAX_BYTES);

    long written = Files.size(into.resolve("p/zeros"));
    System.out.printf("gzip bomb: %d KiB compressed, %d MiB claimed; refused after %d ms with %d MiB written%n",
        bomb.length / 1024, (BundleExtractor.MAX_BYTES >> 20) + 64, (System.nanoTime() - start) / 1_000_000,
        written >> 20);
    assertThat(written).isLessThanOrEqualTo(BundleExtractor.MAX_BYTES);
  }

  @Test
  void notAGzipTarIsRefusedClearly() throws Exception {
    Path into = Files.createDirectory(root.resolve("into"));
    assertThatThrownBy(() -> BundleExtractor.extract(Bundles.stream("plain text".getBytes()), into))
        .hasMessageContaining("not a readable .tar.gz");
  }
}
