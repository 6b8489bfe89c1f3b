package dev.pyplugins.codegen.model;

/** How an RPC moves data, as far as the generated idiomatic APIs are concerned. */
public enum RpcShape {
  /** One request, one response. */
  UNARY,
  /**
   * The client streams a body ({@code body_chunk}, {@code body_complete}) after a head read from its first
   * message; the server answers once.
   */
  CLIENT_BODY_STREAM,
  /** Both sides stream a body after a head, as ServeHTTP does. */
  BIDI_BODY_STREAM
}
