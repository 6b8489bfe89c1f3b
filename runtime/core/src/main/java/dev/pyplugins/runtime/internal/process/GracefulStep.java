package dev.pyplugins.runtime.internal.process;

import java.time.Duration;
import java.util.Objects;

/**
 * One polite step of a stop, tried before signals: the OnDeactivate hook, the
 * {@code GRPCController/Shutdown} RPC. A step that fails or overruns its deadline is logged and the stop
 * goes on.
 *
 * @param name for logs ("OnDeactivate")
 * @param deadline how long the step may take; it should enforce it itself (a gRPC deadline), and it is
 *     abandoned one second after
 * @param action the step
 */
public record GracefulStep(String name, Duration deadline, Action action) {
  public GracefulStep {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(action, "action");
  }

  /** The work of a step. */
  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }
}
