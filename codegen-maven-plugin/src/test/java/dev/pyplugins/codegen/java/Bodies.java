package dev.pyplugins.codegen.java;

/** Streamed bodies for tests: recognisable per seed, long enough to need several 64 KiB pieces. */
final class Bodies {

  private Bodies() {}

  static byte[] of(String seed, int length) {
    byte[] body = new byte[length];
    int h = seed.hashCode();
    for (int i = 0; i < length; i++) {
      h = h * 31 + i;
      body[i] = (byte) (h >>> 13);
    }
    return body;
  }

  /** The body backwards: what a server sends back, so an echo of the request is not mistaken for it. */
  static byte[] reversed(byte[] body) {
    byte[] out = new byte[body.length];
    for (int i = 0; i < body.length; i++) {
      out[i] = body[body.length - 1 - i];
    }
    return out;
  }
}
