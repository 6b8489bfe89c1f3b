package dev.pyplugins.runtime.internal.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tiny shell process that outlives a host killed with {@code kill -9} just long enough to clean up after
 * it. The host tells it, over its stdin, which plugin process groups and socket directories exist; when
 * that pipe reaches EOF (the host is gone, however it died) it gives plugins that honour the stdin lifeline
 * 200 ms to exit by themselves, sends SIGTERM to every group still listed, waits up to a second for them
 * to be gone (polling every 50 ms), sends SIGKILL, and removes the directories. This covers plugins that do not honour the
 * stdin lifeline (a Go plugin under go-plugin never reads stdin) and the host's own sockets, which only
 * the host could otherwise remove. One per JVM; thread-safe.
 */
final class HostWatchdog {
  private static final Logger LOG = LoggerFactory.getLogger(HostWatchdog.class);

  /**
   * Reads "+ pgid dir" / "- pgid dir" lines; at EOF terminates, then kills, what is listed. {@code kill -SIG
   * -pgid}, not {@code kill -s SIG -- -pgid}: dash's builtin (Debian's /bin/sh) takes "--" for a pid.
   */
  static final String SCRIPT = """
      trap '' INT HUP PIPE
      entries=''
      while IFS= read -r line; do
        case "$line" in
          '+ '*) entries="$entries
      ${line#+ }" ;;
          '- '*) gone=${line#- }; kept=''
            while IFS= read -r e; do
              if [ -n "$e" ] && [ "$e" != "$gone" ]; then kept="$kept
      $e"; fi
            done <<EOT
      $entries
      EOT
            entries=$kept ;;
        esac
      done
      [ -n "$entries" ] || exit 0
      signal_all() {
        while IFS=' ' read -r pgid dir; do
          [ -n "$pgid" ] || continue
          kill -"$1" -"$pgid" 2>/dev/null || kill -"$1" "$pgid" 2>/dev/null
        done <<EOT
      $entries
      EOT
      }
      any_alive() {
        while IFS=' ' read -r pgid dir; do
          [ -n "$pgid" ] || continue
          kill -0 -"$pgid" 2>/dev/null && return 0
        done <<EOT
      $entries
      EOT
        return 1
      }
      sleep 0.2 2>/dev/null || sleep 1
      signal_all TERM
      i=0
      while [ $i -lt 20 ] && any_alive; do
        sleep 0.05 2>/dev/null || sleep 1
        i=$((i + 1))
      done
      signal_all KILL
      while IFS=' ' read -r pgid dir; do
        [ -n "$dir" ] && rm -rf -- "$dir"
      done <<EOT
      $entries
      EOT
      """;

  private final Process process;
  private final OutputStream commands;
  private boolean broken;

  private HostWatchdog(Process process) {
    this.process = process;
    this.commands = process.getOutputStream();
  }

  /** Starts the watchdog in its own session, so a terminal's Ctrl-C does not take it down with the host. */
  static Optional<HostWatchdog> start(ProcessGroups groups) {
    List<String> command = new ArrayList<>(groups.launcherPrefix());
    command.addAll(List.of("/bin/sh", "-c", SCRIPT));
    try {
      Process p = new ProcessBuilder(command)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      return Optional.of(new HostWatchdog(p));
    } catch (IOException e) {
      LOG.warn("cannot start the host watchdog; plugins that ignore the stdin lifeline will outlive a host killed"
          + " with SIGKILL: {}", e.toString());
      return Optional.empty();
    }
  }

  long pid() {
    return process.pid();
  }

  synchronized void add(long pgid, Path socketDirectory) {
    send("+ " + entry(pgid, socketDirectory));
  }

  synchronized void remove(long pgid, Path socketDirectory) {
    send("- " + entry(pgid, socketDirectory));
  }

  private static String entry(long pgid, Path dir) {
    return dir == null ? Long.toString(pgid) : pgid + " " + dir;
  }

  private void send(String line) {
    if (broken) {
      return;
    }
    try {
      commands.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      commands.flush();
    } catch (IOException e) {
      broken = true;
      LOG.warn("the host watchdog (pid {}) is gone; plugins are no longer cleaned up after a SIGKILL of the host",
          process.pid());
    }
  }
}
