package dev.pyplugins.runtime.internal.manifest;

/** How a plugin's server part is started. */
public enum ServerRuntime {
  /** A Python entry point, run by an interpreter found venv-first ({@code server.runtime: "python"}). */
  PYTHON,
  /** An executable started directly, as Mattermost starts Go plugins ({@code server.runtime} absent). */
  NATIVE
}
