package dev.pyplugins.runtime.internal.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a {@code plugin.json} that a plugin's author controls without letting it hurt the host: only a
 * regular file, never through a symbolic link (a FIFO would block the host, {@code /dev/zero} fill its heap,
 * a link to a file elsewhere have that file read and reported), at most {@link #MAX_BYTES}, read with a
 * bounded read rather than trusting the size the file system reports, within {@link #READ_TIMEOUT}. Errors
 * never contain the file's content. Thread-safe.
 */
final class ManifestFile {
  /** The largest manifest accepted; Mattermost's own manifests are a few KiB. */
  static final int MAX_BYTES = 1 << 20;
  /** A local file of 1 MiB reads in milliseconds; generous for a loaded machine. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "pyplugins-manifest-reader");
    t.setDaemon(true);
    return t;
  });

  private ManifestFile() {
  }

  static String read(Path dir, Path file) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw fail(file, "not found in " + dir);
    } catch (IOException e) {
      throw fail(file, "cannot be read: " + e);
    }
    if (attributes.isSymbolicLink()) {
      throw fail(file, "is a symbolic link; it must be a regular file in the plugin directory");
    }
    if (!attributes.isRegularFile()) {
      throw fail(file, "is not a regular file (a FIFO, device or directory?); it must be a regular file");
    }
    if (attributes.size() > MAX_BYTES) {
      throw tooLarge(file);
    }
    byte[] bytes = readAtMost(file, READ_TIMEOUT);
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(file);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw fail(file, "is not UTF-8 text");
    }
  }

  /**
   * Opens {@code file} (never through a link) and reads at most {@link #MAX_BYTES} + 1 bytes, on a helper
   * thread waited for at most {@code timeout}: the file may have been swapped for a FIFO since it was checked
   * (a running plugin can write its own directory), and opening a FIFO blocks until a writer comes. Such a
   * reader is abandoned, blocked, rather than the host's caller.
   */
  static byte[] readAtMost(Path file, Duration timeout) {
    Future<byte[]> read = READERS.submit(() -> {
      try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
        return in.readNBytes(MAX_BYTES + 1);
      }
    });
    try {
      return read.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      read.cancel(true);
      throw fail(file, "could not be read within " + timeout.toMillis() + " ms (replaced by a FIFO after it was"
          + " checked?)");
    } catch (ExecutionException e) {
      throw fail(file, "cannot be read: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw fail(file, "reading it was interrupted");
    }
  }

  private static InvalidManifestException tooLarge(Path file) {
    return fail(file, "is larger than the limit of " + MAX_BYTES + " bytes (1 MiB)");
  }

  static InvalidManifestException fail(Path file, String message) {
    return new InvalidManifestException(null, file, List.of(new ManifestProblem(ManifestLoader.FILE_NAME, message)));
  }
}
