package dev.pyplugins.codegen.python;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a pure-Python wheel ({@code py3-none-any}, PEP 427 and 491) from in-memory files, byte-for-byte
 * reproducibly: entries sorted, every timestamp the same fixed instant, the {@code .dist-info} last with
 * {@code RECORD} as its final entry.
 */
public final class WheelWriter {

  /** The DOS epoch: the earliest time a zip entry can carry, used for every entry. */
  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
  public static final String TAG = "py3-none-any";

  private final WheelMetadata metadata;

  public WheelWriter(WheelMetadata metadata) {
    this.metadata = metadata;
  }

  /** The file name pip expects: {@code <name>-<version>-py3-none-any.whl}, name normalised per PEP 427. */
  public String fileName() {
    return metadata.fileNameStem() + "-" + TAG + ".whl";
  }

  /**
   * The wheel's bytes.
   *
   * @param files the files to install into site-packages, by path ({@code mattermost_plugin/client.py})
   */
  public byte[] write(Map<String, byte[]> files) {
    SortedMap<String, byte[]> entries = new TreeMap<>(files);
    String distInfo = metadata.fileNameStem() + ".dist-info/";
    if (entries.keySet().stream().anyMatch(p -> p.startsWith(distInfo))) {
      throw new IllegalArgumentException("package files must not contain " + distInfo);
    }
    SortedMap<String, byte[]> meta = new TreeMap<>();
    meta.put(distInfo + "METADATA", metadata.metadataFile().getBytes(StandardCharsets.UTF_8));
    meta.put(distInfo + "WHEEL", wheelFile().getBytes(StandardCharsets.UTF_8));
    meta.put(distInfo + "top_level.txt", String.join("\n", metadata.topLevel()).concat("\n")
        .getBytes(StandardCharsets.UTF_8));
    StringBuilder record = new StringBuilder();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (SortedMap<String, byte[]> group : java.util.List.of(entries, meta)) {
        for (Map.Entry<String, byte[]> e : group.entrySet()) {
          put(zip, e.getKey(), e.getValue());
          record.append(csv(e.getKey())).append(",sha256=").append(digest(e.getValue())).append(',')
              .append(e.getValue().length).append('\n');
        }
      }
      record.append(distInfo).append("RECORD,,\n");
      put(zip, distInfo + "RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private String wheelFile() {
    return "Wheel-Version: 1.0\n"
        + "Generator: pyplugins-codegen\n"
        + "Root-Is-Purelib: true\n"
        + "Tag: " + TAG + "\n";
  }

  private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTimeLocal(FIXED_TIME);
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
  }

  /** A RECORD path: quoted when it holds a comma or quote, as the csv module writes it. */
  private static String csv(String path) {
    return path.contains(",") || path.contains("\"") ? "\"" + path.replace("\"", "\"\"") + "\"" : path;
  }

  /** The URL-safe, unpadded base64 SHA-256 that RECORD uses. */
  static String digest(byte[] content) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
