package dev.pyplugins.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a user sees about a plugin's last failure.
 *
 * @param kind the failure kind
 * @param message what happened, with what to do where known (the stderr lines are in {@code stderrTail})
 * @param exitCode the process's exit status, if it had exited
 * @param stderrTail the last lines the plugin wrote to stderr
 * @param at when it happened
 */
public record PluginFailure(FailureKind kind, String message, OptionalInt exitCode, List<String> stderrTail,
    Instant at) {
  public PluginFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    stderrTail = List.copyOf(stderrTail);
  }

  /** The report of {@code e}, dated {@code at}. */
  public static PluginFailure of(PluginException e, Instant at) {
    return new PluginFailure(e.kind(), e.summary(), e.exitCode(), e.stderrTail(), at);
  }
}
