package dev.pyplugins.sample.db;

import java.nio.ByteBuffer;
import java.util.UUID;

/** Mattermost-style ids: a random UUID in 26 characters of Mattermost's base32 alphabet. */
public final class Ids {
  private static final char[] ALPHABET = "ybndrfg8ejkmcpqxot1uwisza345h769".toCharArray();

  private Ids() {
  }

  /** A new random id, such as {@code "ncqb6kmyujf1xeyw8gs5gpodhw"}. */
  public static String newId() {
    UUID uuid = UUID.randomUUID();
    byte[] bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
        .putLong(uuid.getLeastSignificantBits()).array();
    StringBuilder id = new StringBuilder(26);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        id.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    id.append(ALPHABET[(buffer << (5 - bits)) & 31]); // 128 bits leave 3 over: the 26th character
    return id.toString();
  }

  /** Whether {@code id} has the shape of an id made by {@link #newId()}. */
  public static boolean isValid(String id) {
    return id != null && id.length() == 26 && id.chars().allMatch(c -> new String(ALPHABET).indexOf(c) >= 0);
  }
}
