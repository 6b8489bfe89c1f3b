package dev.pyplugins.sample;

/** The host cannot start, for a reason a person can fix; the message says how, and names no library internals. */
public final class HostStartupException extends RuntimeException {
  public HostStartupException(String message) {
    super(message);
  }

  public HostStartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
