package dev.pyplugins.runtime.internal.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plugin's private socket directory: {@code <base>/pyp-XXXXXXXX}, mode 0700, short enough for
 * {@code sun_path}. The plugin's sockets (and the host's per-plugin API socket) live here, so no other
 * user can connect. An {@code owner} file records the host's pid and start time, so a later host can tell
 * directories left by a crashed host ({@link #removeStale}) from live ones. Thread-safe.
 */
public final class SocketDirectory implements AutoCloseable {
  /** Name prefix of every socket directory. */
  public static final String PREFIX = "pyp-";
  static final String OWNER_FILE = "owner";
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Logger LOG = LoggerFactory.getLogger(SocketDirectory.class);

  private final Path path;

  private SocketDirectory(Path path) {
    this.path = path;
  }

  /** Creates a fresh directory under {@code base}. */
  public static SocketDirectory create(Path base) throws IOException {
    Files.createDirectories(base);
    for (int attempt = 0; attempt < 100; attempt++) {
      StringBuilder name = new StringBuilder(PREFIX);
      for (int i = 0; i < 8; i++) {
        name.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      Path dir = base.resolve(name.toString());
      try {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (FileAlreadyExistsException e) {
        continue;
      }
      // The umask cannot widen 0700, but be explicit about the mode we rely on.
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      Files.writeString(dir.resolve(OWNER_FILE), ownerStamp(ProcessHandle.current()), StandardCharsets.UTF_8);
      return new SocketDirectory(dir);
    }
    throw new IOException("cannot create a unique socket directory in " + base);
  }

  public Path path() {
    return path;
  }

  /** Removes the directory and everything in it; idempotent. */
  @Override
  public void close() {
    deleteTree(path);
  }

  /**
   * Removes the socket directories under {@code base} whose owning host process is gone (a host killed
   * before it could clean up). Directories of other users and of live hosts are left alone.
   *
   * @return how many were removed
   */
  public static int removeStale(Path base) {
    if (!Files.isDirectory(base)) {
      return 0;
    }
    int removed = 0;
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, PREFIX + "*")) {
      for (Path dir : dirs) {
        if (isStale(dir)) {
          deleteTree(dir);
          removed++;
        }
      }
    } catch (IOException e) {
      LOG.warn("cannot scan {} for stale socket directories: {}", base, e.toString());
    }
    return removed;
  }

  private static boolean isStale(Path dir) {
    try {
      if (!Files.isDirectory(dir) || Files.isSymbolicLink(dir)
          || !Files.getOwner(dir).getName().equals(System.getProperty("user.name"))) {
        return false;
      }
      Path owner = dir.resolve(OWNER_FILE);
      if (!Files.isRegularFile(owner)) {
        return false;
      }
      String stamp = Files.readString(owner, StandardCharsets.UTF_8).strip();
      long pid = Long.parseLong(stamp.substring(0, stamp.indexOf(' ')));
      Optional<ProcessHandle> host = ProcessHandle.of(pid);
      return host.isEmpty() || !ownerStamp(host.get()).equals(stamp);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static String ownerStamp(ProcessHandle process) {
    String start = process.info().startInstant().map(i -> Long.toString(i.toEpochMilli())).orElse("?");
    return process.pid() + " " + start;
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("cannot remove socket directory {}: {}", dir, e.toString());
    }
  }
}
