package dev.pyplugins.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory, private to the host's user: made 0700 (an older, wider one is narrowed), and the
 * database files in it 0600 (H2 makes them with the process umask, typically 0644).
 */
final class DataDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
  private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private DataDirectory() {
  }

  static void prepare(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR));
    } else if (!Files.getPosixFilePermissions(dir).equals(DIR)) {
      LOG.info("data directory {} was {}; made 0700", dir, PosixFilePermissions.toString(
          Files.getPosixFilePermissions(dir)));
      Files.setPosixFilePermissions(dir, DIR);
    }
  }

  /** Narrows every file of the directory (the database's) to 0600. */
  static void protectFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.setPosixFilePermissions(file, FILE);
      }
    }
  }
}
