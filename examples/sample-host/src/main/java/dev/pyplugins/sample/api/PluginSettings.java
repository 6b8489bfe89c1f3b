package dev.pyplugins.sample.api;

import com.google.protobuf.Struct;
import dev.pyplugins.sample.hooks.HookEvents;
import dev.pyplugins.sample.store.PluginConfigStore;

/**
 * Plugins' configurations: saving one tells its plugin (OnConfigurationChange), as a configuration change
 * does in Mattermost.
 */
public final class PluginSettings {
  private final PluginConfigStore configs;
  private final HookEvents events;

  public PluginSettings(PluginConfigStore configs, HookEvents events) {
    this.configs = configs;
    this.events = events;
  }

  /** The plugin's configuration, an empty object until one is saved. */
  public Struct get(String pluginId) {
    return configs.get(pluginId);
  }

  /** Saves the plugin's configuration and fires its OnConfigurationChange. */
  public void save(String pluginId, Struct config) {
    configs.save(pluginId, config);
    events.configurationChanged(pluginId);
  }
}
