package dev.pyplugins.runtime.internal.process;

import java.util.Map;

/** How a process ended: its exit code, or 128+n when signal n killed it (Java's convention). */
public record ExitStatus(int code) {
  private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 6, "SIGABRT",
      9, "SIGKILL", 11, "SIGSEGV", 13, "SIGPIPE", 15, "SIGTERM");

  public boolean killedBySignal() {
    return code > 128 && code < 128 + 65;
  }

  /** For example "exit status 3" or "killed by signal 9 (SIGKILL)". */
  @Override
  public String toString() {
    if (killedBySignal()) {
      int signal = code - 128;
      return "killed by signal " + signal + " (" + SIGNALS.getOrDefault(signal, "?") + ")";
    }
    return "exit status " + code;
  }
}
