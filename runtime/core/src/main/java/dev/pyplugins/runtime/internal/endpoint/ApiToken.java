package dev.pyplugins.runtime.internal.endpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A per-plugin API credential: 256 random bits, URL-safe base64. A fresh one is made for every start of
 * a plugin process, so a token a crashed process leaked is worthless to the next. Compared in constant
 * time. Immutable; {@link #toString()} never shows the value.
 */
public final class ApiToken {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BYTES = 32;

  private final String value;
  private final byte[] bytes;

  private ApiToken(String value) {
    this.value = value;
    this.bytes = value.getBytes(StandardCharsets.US_ASCII);
  }

  /** A new random token. */
  public static ApiToken random() {
    byte[] raw = new byte[BYTES];
    RANDOM.nextBytes(raw);
    return new ApiToken(Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
  }

  /** The token as the plugin sends it, in {@code authorization: Bearer <value>}. */
  public String value() {
    return value;
  }

  /** Whether {@code presented} is this token; takes the same time wherever the first difference is. */
  public boolean matches(String presented) {
    if (presented == null) {
      return false;
    }
    return MessageDigest.isEqual(bytes, presented.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "ApiToken[hidden]";
  }
}
