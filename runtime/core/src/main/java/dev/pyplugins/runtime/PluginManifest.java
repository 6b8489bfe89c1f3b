package dev.pyplugins.runtime;

import java.nio.file.Path;

/**
 * A plugin's {@code plugin.json} as the runtime validated it, read-only: what a host shows or hands to
 * plugins ({@code GetManifest}, settings schemas). The runtime's own view of how to start the plugin is
 * internal.
 */
public interface PluginManifest {

  /** The plugin id ({@code ^[a-zA-Z0-9-_.]+$}, 3 to 190 characters). */
  String id();

  /** The display name, or the id when the manifest has none. */
  String name();

  /** The plugin's semantic version, or empty. */
  String version();

  /** The plugin's directory (absolute, normalized), the working directory of its process. */
  Path directory();

  /** The whole {@code plugin.json} as read, settings schema and webapp parts included. */
  String json();
}
