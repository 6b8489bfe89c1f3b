package dev.pyplugins.codegen.model;

/** An RPC the generators cannot express idiomatically; the message names the RPC and the rule it breaks. */
public final class UnsupportedRpcException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnsupportedRpcException(MethodModel method, String reason) {
    super("RPC " + method.fullMethodName() + ": " + reason);
  }
}
