package dev.pyplugins.runtime.support;

import java.util.Objects;

/**
 * A streaming hook was called on a plugin that does not implement it (its {@code Implemented} answer does
 * not list it). Unary hooks never throw this: they return their neutral result instead. A host checks
 * {@code isImplemented} first to route the request elsewhere (for HTTP, a 404).
 */
public final class HookNotImplementedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String hookName;

  public HookNotImplementedException(String hookName) {
    super("the plugin does not implement the hook " + hookName);
    this.hookName = Objects.requireNonNull(hookName, "hookName");
  }

  /** The RPC name of the hook, such as {@code ServeHTTP}. */
  public String hookName() {
    return hookName;
  }
}
