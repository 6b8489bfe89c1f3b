package dev.pyplugins.runtime.internal.supervision;

import dev.pyplugins.runtime.PluginState;
import java.time.Duration;

/** What to do after a failure. */
public sealed interface RestartDecision {
  /** Start again after {@code delay}; {@code attempt} counts consecutive restarts from 1. */
  record Restart(Duration delay, int attempt) implements RestartDecision {}

  /** Stop trying: the plugin goes to {@link PluginState#FAILED}. */
  record GiveUp(String reason) implements RestartDecision {}
}
