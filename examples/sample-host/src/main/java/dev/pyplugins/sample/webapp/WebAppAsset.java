package dev.pyplugins.sample.webapp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.eclipse.jetty.http.MimeTypes;

/**
 * One file of the built page, held in memory (the whole page is a few hundred KiB).
 *
 * @param bytes the file's content
 * @param contentType what to send as {@code Content-Type}, with {@code charset=utf-8} for text
 * @param etag a strong validator from the content's hash, quoted as HTTP wants it
 */
record WebAppAsset(byte[] bytes, String contentType, String etag) {

  static WebAppAsset of(String fileName, byte[] bytes) {
    return new WebAppAsset(bytes, contentType(fileName), etag(bytes));
  }

  private static String contentType(String fileName) {
    String type = MimeTypes.DEFAULTS.getMimeByExtension(fileName);
    if (type == null) {
      return "application/octet-stream";
    }
    boolean text = type.startsWith("text/") || type.equals("image/svg+xml") || type.equals("application/json");
    return text ? type + ";charset=utf-8" : type;
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  boolean isHtml() {
    return contentType.startsWith("text/html");
  }

  @Override
  public String toString() {
    return new String(bytes, 0, Math.min(bytes.length, 40), StandardCharsets.UTF_8) + "… (" + contentType + ")";
  }
}
