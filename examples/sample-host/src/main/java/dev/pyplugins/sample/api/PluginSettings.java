package dev.pyplugins.sample.api;

import com.google.protobuf.Struct;
import dev.pyplugins.sample.hooks.HookEvents;
import dev.pyplugins.sample.store.PluginConfigStore;
import java.util.function.Function;

/**
 * Plugins' configurations: saving one tells its plugin (OnConfigurationChange), as a configuration change
 * does in Mattermost.
 */
public final class PluginSettings {
  private final PluginConfigStore configs;
  private final HookEvents events;
  private final Function<String, Struct> defaults;

  /**
   * @param defaults a plugin's declared setting defaults, by plugin id (see {@link SettingsDefaults})
   */
  public PluginSettings(PluginConfigStore configs, HookEvents events, Function<String, Struct> defaults) {
    this.configs = configs;
    this.events = events;
    this.defaults = defaults;
  }

  /** The plugin's saved configuration (GetPluginConfig), an empty object until one is saved. */
  public Struct get(String pluginId) {
    return configs.get(pluginId);
  }

  /**
   * The configuration a plugin loads (LoadPluginConfiguration): its manifest's defaults with the saved
   * values over them.
   */
  public Struct effective(String pluginId) {
    return defaults.apply(pluginId).toBuilder().putAllFields(configs.get(pluginId).getFieldsMap()).build();
  }

  /** Saves the plugin's configuration and fires its OnConfigurationChange. */
  public void save(String pluginId, Struct config) {
    configs.save(pluginId, config);
    events.configurationChanged(pluginId);
  }
}
