package dev.pyplugins.sample.admin;

import dev.pyplugins.protocol.v1.AppErrorException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a plugin bundle (a {@code .tar.gz}, as Mattermost's are) into an empty directory, refusing anything
 * that could reach outside it or exhaust the host: absolute names and {@code ..}, links of every kind,
 * devices and FIFOs, more than {@value #MAX_ENTRIES} entries, more than {@link #MAX_BYTES} bytes unpacked
 * (counted as they are written, so a gzip bomb stops at the cap). Files are made private (0600, or 0700
 * when executable in the archive), directories 0700.
 */
public final class BundleExtractor {
  static final int MAX_ENTRIES = 10_000;
  static final long MAX_BYTES = 256L << 20;
  private static final int MAX_NAME = 512;

  private BundleExtractor() {
  }

  /**
   * @throws AppErrorException 400 naming the entry or limit at fault; {@code into} is left with what was written
   */
  public static void extract(InputStream bundle, Path into) throws IOException {
    long written = 0;
    int entries = 0;
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(bundle))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (++entries > MAX_ENTRIES) {
          throw refused("it has more than " + MAX_ENTRIES + " entries");
        }
        Path target = safePath(into, entry.getName());
        if (entry.isDirectory()) {
          Files.createDirectories(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
              "rwx------")));
          continue;
        }
        if (!entry.isFile() || entry.isSymbolicLink() || entry.isLink()) {
          throw refused("entry '" + entry.getName() + "' is a link or a special file; a bundle holds regular files "
              + "and directories only");
        }
        Files.createDirectories(target.getParent());
        boolean executable = (entry.getMode() & 0100) != 0;
        Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
            executable ? "rwx------" : "rw-------")));
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
          byte[] buffer = new byte[64 * 1024];
          int n;
          while ((n = tar.read(buffer)) > 0) {
            written += n;
            if (written > MAX_BYTES) {
              throw refused("it unpacks to more than " + MAX_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      if (e instanceof java.nio.file.FileAlreadyExistsException exists) {
        throw refused("it holds '" + into.relativize(Path.of(exists.getFile())) + "' twice");
      }
      throw refused("it is not a readable .tar.gz (" + e.getMessage() + ")");
    }
    if (entries == 0) {
      throw refused("it is empty");
    }
  }

  /** Where an entry goes: inside {@code root}, or a 400. */
  static Path safePath(Path root, String name) {
    String clean = name.replace('\\', '/');
    while (clean.startsWith("./")) {
      clean = clean.substring(2);
    }
    if (clean.isEmpty() || clean.equals(".")) {
      return root;
    }
    if (clean.length() > MAX_NAME || clean.startsWith("/") || clean.contains("\0")) {
      throw refused("entry '" + name + "' has an absolute, overlong or invalid name");
    }
    for (String part : clean.split("/")) {
      if (part.equals("..")) {
        throw refused("entry '" + name + "' climbs out of the bundle with '..'");
      }
    }
    Path target = root.resolve(clean).normalize();
    if (!target.startsWith(root)) {
      throw refused("entry '" + name + "' would land outside the plugin directory");
    }
    return target;
  }

  static AppErrorException refused(String why) {
    return AppErrorException.badRequest("app.plugin.extract.app_error", "The plugin bundle was refused: " + why
        + ".");
  }
}
