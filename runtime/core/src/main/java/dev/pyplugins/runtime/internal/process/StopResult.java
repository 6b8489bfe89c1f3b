package dev.pyplugins.runtime.internal.process;

import java.time.Duration;

/**
 * How a stop ended.
 *
 * @param phase the step that ended the process
 * @param exit the process's exit status
 * @param took from the start of the stop until the process was reaped and its pipes drained
 */
public record StopResult(Phase phase, ExitStatus exit, Duration took) {
  /** The step of the stop sequence that ended the process. */
  public enum Phase {
    /** It had exited before the stop began (a crash, or it quit by itself). */
    ALREADY_EXITED,
    /** It exited after the graceful steps (OnDeactivate, Shutdown RPC), before any signal. */
    GRACEFUL,
    /** It exited on SIGTERM. */
    TERMINATED,
    /** It needed SIGKILL. */
    KILLED
  }
}
