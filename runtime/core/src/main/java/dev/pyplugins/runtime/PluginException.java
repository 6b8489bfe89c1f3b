package dev.pyplugins.runtime;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A plugin failure of a named {@link FailureKind}. For process failures it also carries the exit status and
 * the last stderr lines, which are part of {@link #getMessage()} so a log line alone is enough to act on;
 * {@link #summary()} leaves them out, for logs that show the plugin's stderr already.
 */
public class PluginException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final FailureKind kind;
  private final String pluginId;
  private final String reason;
  private final Integer exitCode;
  private final List<String> stderrTail;

  public PluginException(FailureKind kind, String pluginId, String message) {
    this(kind, pluginId, message, OptionalInt.empty(), List.of(), null);
  }

  public PluginException(FailureKind kind, String pluginId, String message, Throwable cause) {
    this(kind, pluginId, message, OptionalInt.empty(), List.of(), cause);
  }

  public PluginException(FailureKind kind, String pluginId, String message, OptionalInt exitCode,
      List<String> stderrTail, Throwable cause) {
    super(describe(kind, pluginId, message, exitCode, stderrTail), cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.pluginId = pluginId;
    this.reason = message;
    this.exitCode = exitCode.isPresent() ? exitCode.getAsInt() : null;
    this.stderrTail = List.copyOf(stderrTail);
  }

  public FailureKind kind() {
    return kind;
  }

  /** The plugin's id, or null when the failure happened before the id was known. */
  public String pluginId() {
    return pluginId;
  }

  /** What happened, as the failing step said it: the message without the plugin, kind, status and stderr. */
  public String reason() {
    return reason;
  }

  /** The message without the stderr lines: plugin, kind, what happened, exit status. */
  public String summary() {
    return describe(kind, pluginId, reason, exitCode(), List.of());
  }

  /** The process's exit status if it had exited (128+n for death by signal n). */
  public OptionalInt exitCode() {
    return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode);
  }

  /** The last lines the process wrote to stderr, oldest first. */
  public List<String> stderrTail() {
    return stderrTail;
  }

  private static String describe(FailureKind kind, String pluginId, String message, OptionalInt exitCode,
      List<String> stderrTail) {
    StringBuilder sb = new StringBuilder();
    sb.append(pluginId == null ? "plugin" : "plugin " + pluginId).append(": ").append(kind).append(": ")
        .append(message);
    exitCode.ifPresent(code -> sb.append(" (exit status ").append(code).append(')'));
    if (!stderrTail.isEmpty()) {
      sb.append("\nlast stderr lines:");
      stderrTail.forEach(line -> sb.append("\n  ").append(line));
    }
    return sb.toString();
  }
}
