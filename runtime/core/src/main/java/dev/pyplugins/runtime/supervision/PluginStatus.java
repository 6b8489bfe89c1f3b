package dev.pyplugins.runtime.supervision;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one plugin for lists and consoles.
 *
 * @param state where it is
 * @param since when it entered that state
 * @param lastFailure its last failure, if any (kept after a successful restart)
 * @param restarts automatic restarts since it was last started by hand
 * @param nextStart when the next automatic start is due, in {@link PluginState#RESTARTING}
 * @param reason why it is FAILED (for example "3 failures within 60 min")
 */
public record PluginStatus(PluginState state, Instant since, Optional<FailureReport> lastFailure, int restarts,
    Optional<Instant> nextStart, Optional<String> reason) {
  public PluginStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
  }
}
