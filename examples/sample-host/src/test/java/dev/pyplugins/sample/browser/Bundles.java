package dev.pyplugins.sample.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Plugin bundles as Mattermost's build makes them: a .tar.gz holding one folder, the plugin's files in it. */
final class Bundles {
  private Bundles() {
  }

  /** Packs {@code plugin} (without venvs or caches) as {@code <folder name>/...} into {@code target}. */
  static Path tarGz(Path plugin, Path target) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(plugin)) {
      files = walk.filter(Files::isRegularFile)
          .filter(f -> !plugin.relativize(f).toString().startsWith("venv") && !f.toString().contains("__pycache__"))
          .sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(target);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      for (Path file : files) {
        TarArchiveEntry entry = new TarArchiveEntry(file.toFile(),
            plugin.getFileName() + "/" + plugin.relativize(file).toString().replace('\\', '/'));
        tar.putArchiveEntry(entry);
        Files.copy(file, tar);
        tar.closeArchiveEntry();
      }
    }
    return target;
  }
}
