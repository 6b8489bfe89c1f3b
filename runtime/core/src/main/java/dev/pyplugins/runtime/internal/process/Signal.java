package dev.pyplugins.runtime.internal.process;

/** The signals the runtime sends to a plugin's process group. */
public enum Signal {
  TERM, KILL
}
