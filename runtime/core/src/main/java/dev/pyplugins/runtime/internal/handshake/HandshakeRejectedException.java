package dev.pyplugins.runtime.internal.handshake;

import dev.pyplugins.runtime.FailureKind;

/**
 * The first stdout line is not a handshake the host can accept. {@link #kind()} tells a malformed line
 * ({@link FailureKind#HANDSHAKE_INVALID}) from a well-formed one the host does not support
 * ({@link FailureKind#HANDSHAKE_INCOMPATIBLE}). The process layer adds the plugin id, exit status and
 * stderr tail.
 */
public final class HandshakeRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final FailureKind kind;

  HandshakeRejectedException(FailureKind kind, String message) {
    this(kind, message, null);
  }

  HandshakeRejectedException(FailureKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public FailureKind kind() {
    return kind;
  }
}
