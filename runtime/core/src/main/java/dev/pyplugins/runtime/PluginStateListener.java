package dev.pyplugins.runtime;


/**
 * Told about every state change of every plugin of a {@link PluginEnvironment}: started, running, crashed
 * and restarting, failed for good (with the reason and the stderr tail in {@link PluginStatus#lastFailure()}),
 * stopping, stopped. Called on the plugin's supervisor thread, in order for one plugin; must return quickly
 * and not call back into the environment's blocking methods for the same plugin. An exception it throws is
 * logged and ignored.
 */
@FunctionalInterface
public interface PluginStateListener {
  void stateChanged(PluginStatus status);
}
