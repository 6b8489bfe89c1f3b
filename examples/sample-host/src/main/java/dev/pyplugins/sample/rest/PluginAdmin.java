package dev.pyplugins.sample.rest;

import com.google.protobuf.Struct;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** What the operator console may see and do about plugins; the host implements it over the runtime. */
public interface PluginAdmin {

  /**
   * One plugin as an administrator sees it.
   *
   * @param id the manifest id
   * @param state the runtime's state name, such as {@code RUNNING} or {@code FAILED}
   * @param restarts automatic restarts since it was last started by hand
   * @param problem the last failure or the reason it failed for good, empty if none
   * @param manifestJson its {@code plugin.json} as read, or {@code {"id": ...}} when it never validated
   * @param lastFailure the last failure in detail, if any
   * @param pid the process id while it runs, 0 otherwise
   */
  record PluginInfo(String id, String state, int restarts, String problem, String manifestJson,
      Optional<Failure> lastFailure, long pid) {
    public PluginInfo(String id, String state, int restarts, String problem) {
      this(id, state, restarts, problem, "{\"id\":\"" + id + "\"}", Optional.empty(), 0);
    }
  }

  /** A failure: its kind ({@code CRASHED}, ...), message, exit status (-1 if none), stderr tail, time (ms). */
  record Failure(String kind, String message, int exitCode, List<String> stderrTail, long at) {
  }

  /** A hook's figures for one plugin, latencies in milliseconds. */
  record HookStat(String hook, long calls, long errors, double p50Ms, double p99Ms) {
  }

  List<PluginInfo> statuses();

  /** Restarts a plugin (stop, then start); empty when no such plugin is known. */
  Optional<PluginInfo> restart(String pluginId);

  default Optional<PluginInfo> enable(String pluginId) {
    return restart(pluginId);
  }

  default Optional<PluginInfo> disable(String pluginId) {
    return Optional.empty();
  }

  /** Installs a bundle (a .tar.gz holding plugin.json) and starts it; {@code force} replaces one with its id. */
  default PluginInfo install(InputStream bundle, boolean force) {
    throw dev.pyplugins.protocol.v1.AppErrorException.of(501, "app.plugin.upload_disabled.app_error",
        "This host installs no plugins.");
  }

  /** Stops a plugin and deletes its directory; false when no such plugin is known. */
  default boolean remove(String pluginId) {
    return false;
  }

  /** The last lines the plugin logged (its own output and its API log calls), oldest first. */
  default List<String> logTail(String pluginId, int lines) {
    return List.of();
  }

  default List<HookStat> hookStats(String pluginId) {
    return List.of();
  }

  /** The plugin's settings as saved over its manifest's defaults, secrets masked. */
  default Struct settings(String pluginId) {
    return Struct.getDefaultInstance();
  }

  /** Saves settings; a masked secret sent back unchanged keeps its saved value. */
  default void saveSettings(String pluginId, Struct settings) {
  }

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
