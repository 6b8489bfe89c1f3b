package dev.pyplugins.codegen;

/**
 * A generation run failed. The {@link Kind} says whose problem it is; the message says what to fix.
 * Whatever the kind, the previous outputs are left as they were.
 */
public final class CodeGenerationException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Who has to act. */
  public enum Kind {
    /**
     * The input is wrong: protoc rejected a {@code .proto} (the message carries protoc's
     * {@code file:line:column} diagnostics), a requested file or directory is missing, an option names a
     * service the protocol lacks, or an output directory holds files pyplugins did not write.
     */
    INVALID_INPUT,
    /** A generator threw: a bug in the generator, reported with the generator's name. */
    GENERATOR_FAILED,
    /** Reading inputs or writing outputs failed at the file-system level. */
    IO_FAILED
  }

  private final Kind kind;

  public CodeGenerationException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public CodeGenerationException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
