package dev.pyplugins.runtime;

/** Where a plugin is in its life. */
public enum PluginState {
  /** Not running, by choice (never started, or deactivated). */
  STOPPED,
  /** Being started: spawn, handshake, connect, health, OnActivate. */
  STARTING,
  /** Serving hooks. */
  RUNNING,
  /** Failed; waiting out the restart delay before the next start. */
  RESTARTING,
  /** Being stopped: OnDeactivate, Shutdown, signals. */
  STOPPING,
  /** Failed for good (crash loop, or a failure a restart cannot cure) until restarted by hand. */
  FAILED
}
