package dev.pyplugins.runtime.support;

import io.grpc.Status;
import java.util.Objects;

/**
 * A hook call failed in transport: the plugin was unreachable, crashed, missed the deadline or answered with
 * a gRPC error status. Business errors are not this: they arrive as an AppError inside the response. The
 * hook name and the gRPC status say what happened.
 */
public final class HookCallException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String hookName;
  private final Status status;

  public HookCallException(String hookName, Status status, Throwable cause) {
    super("hook " + hookName + " failed: " + describe(status), cause);
    this.hookName = Objects.requireNonNull(hookName, "hookName");
    this.status = Objects.requireNonNull(status, "status");
  }

  /** The RPC name of the hook, such as {@code OnActivate}. */
  public String hookName() {
    return hookName;
  }

  /** The gRPC status the call ended with. */
  public Status status() {
    return status;
  }

  private static String describe(Status status) {
    return status.getDescription() == null ? status.getCode().toString()
        : status.getCode() + " (" + status.getDescription() + ")";
  }
}
