package dev.pyplugins.runtime.internal.http;

import dev.pyplugins.runtime.support.HookCallException;
import io.grpc.Status;

/** The HTTP status and text a failed ServeHTTP call is answered with, when the response has not started. */
final class ResponseStatus {
  private ResponseStatus() {}

  /** 503 when the plugin went away (or the call was cancelled), 504 past the ServeHTTP deadline, else 502. */
  static int of(Status status) {
    return switch (status.getCode()) {
      case UNAVAILABLE, CANCELLED -> 503;
      case DEADLINE_EXCEEDED -> 504;
      default -> 502;
    };
  }

  /** Says what went wrong, as a hook call's failure does: {@code hook ServeHTTP failed: UNAVAILABLE (...)}. */
  static String describe(Status status) {
    return new HookCallException("ServeHTTP", status, null).getMessage();
  }
}
