package dev.pyplugins.sample.rest;

import java.util.List;
import java.util.Optional;

/** What the REST layer may see and do about plugins; the host implements it over the runtime. */
public interface PluginAdmin {

  /**
   * One plugin as an administrator sees it.
   *
   * @param id the manifest id
   * @param state the runtime's state name, such as {@code RUNNING} or {@code FAILED}
   * @param restarts automatic restarts since it was last started by hand
   * @param problem the last failure or the reason it failed for good, empty if none
   */
  record PluginInfo(String id, String state, int restarts, String problem) {
  }

  List<PluginInfo> statuses();

  /** Restarts a plugin (stop, then start); empty when no such plugin is known. */
  Optional<PluginInfo> restart(String pluginId);

  /** An administration with no plugins at all. */
  static PluginAdmin none() {
    return new PluginAdmin() {
      @Override
      public List<PluginInfo> statuses() {
        return List.of();
      }

      @Override
      public Optional<PluginInfo> restart(String pluginId) {
        return Optional.empty();
      }
    };
  }
}
