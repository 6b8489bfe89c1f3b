package dev.pyplugins.runtime;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A snapshot of one plugin for lists and consoles.
 *
 * @param pluginId the plugin's manifest id (for a directory whose manifest has no usable id, the directory name)
 * @param state where it is
 * @param since when it entered that state
 * @param lastFailure its last failure, if any (kept after a successful restart)
 * @param restarts automatic restarts since it was last started by hand
 * @param nextStart when the next automatic start is due, in {@link PluginState#RESTARTING}
 * @param reason why it is FAILED (for example "3 failures within 60 min")
 * @param pid the plugin process's id while it is RUNNING
 */
public record PluginStatus(String pluginId, PluginState state, Instant since, Optional<PluginFailure> lastFailure,
    int restarts, Optional<Instant> nextStart, Optional<String> reason, OptionalLong pid) {
  public PluginStatus {
    Objects.requireNonNull(pluginId, "pluginId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
  }
}
