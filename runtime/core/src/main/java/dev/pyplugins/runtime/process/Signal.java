package dev.pyplugins.runtime.process;

/** The signals the runtime sends to a plugin's process group. */
public enum Signal {
  TERM, KILL
}
