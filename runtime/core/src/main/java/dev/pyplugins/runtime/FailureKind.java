package dev.pyplugins.runtime;

/**
 * Every way a plugin can fail under the runtime. Each kind says what went wrong and where a user should
 * look; {@link PluginException} carries one, with the plugin id and, for process failures, the exit status
 * and the last stderr lines.
 */
public enum FailureKind {
  /** {@code plugin.json} is missing or invalid; the message names each bad field. Nothing was started. */
  MANIFEST_INVALID(false),
  /** No Python interpreter found (venv/, .venv/, then the PATH), or it could not be run. */
  INTERPRETER_NOT_FOUND(false),
  /** The interpreter found does not satisfy {@code server.python.version}. */
  INTERPRETER_UNSUITABLE(false),
  /** The operating system refused to start the process, or the socket directory could not be made. */
  SPAWN_FAILED(false),
  /** No handshake line on stdout within the handshake deadline; the process was killed. */
  HANDSHAKE_TIMEOUT(true),
  /** The process exited before writing its handshake line. */
  EXITED_BEFORE_HANDSHAKE(true),
  /** The first stdout line is not a go-plugin handshake line (something printed to stdout first?). */
  HANDSHAKE_INVALID(true),
  /** A valid handshake line the host cannot accept: core or app protocol version, network or protocol. */
  HANDSHAKE_INCOMPATIBLE(false),
  /** The gRPC connection or the first health check after the handshake failed. */
  CONNECT_FAILED(true),
  /** {@code Implemented} or OnActivate failed in transport or missed its deadline. */
  ACTIVATE_FAILED(true),
  /** OnActivate answered with an error: the plugin refused to start, and stays stopped until activated again. */
  ACTIVATE_REFUSED(false),
  /** The plugin process exited while it was running. */
  CRASHED(true),
  /** Consecutive health checks failed ({@link RuntimeOptions#pingFailLimit()}): the plugin hangs. */
  UNHEALTHY(true),
  /** Too many failures within the crash-loop window; the plugin stays stopped until restarted by hand. */
  CRASH_LOOP(false),
  /** The process could not be stopped or reaped within the stop budget. */
  STOP_FAILED(false);

  private final boolean retryable;

  FailureKind(boolean retryable) {
    this.retryable = retryable;
  }

  /**
   * Whether a restart may cure this failure; a bad manifest or a missing interpreter will not go away.
   *
   * @return true when the supervisor retries after this failure
   */
  public boolean retryable() {
    return retryable;
  }
}
