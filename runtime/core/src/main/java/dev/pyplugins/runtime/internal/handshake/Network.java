package dev.pyplugins.runtime.internal.handshake;

/** The listener kind a plugin names in its handshake line. */
public enum Network {
  /** A unix domain socket path; what go-plugin uses on every POSIX system. */
  UNIX,
  /** {@code host:port}; go-plugin on Windows, and some non-Go plugins. */
  TCP
}
