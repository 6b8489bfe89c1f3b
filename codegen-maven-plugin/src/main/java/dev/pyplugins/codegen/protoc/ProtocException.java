package dev.pyplugins.codegen.protoc;

/**
 * protoc rejected the input or could not run. The message carries protoc's own diagnostics, which name
 * the file and line ({@code foo.proto:12:3: "Strin" is not defined.}).
 */
public final class ProtocException extends Exception {

  private static final long serialVersionUID = 1L;

  public ProtocException(String message) {
    super(message);
  }

  public ProtocException(String message, Throwable cause) {
    super(message, cause);
  }
}
