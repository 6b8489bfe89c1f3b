package dev.pyplugins.runtime.internal.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Process groups from Java, which has no API for them: {@code setsid} (util-linux) starts a plugin as the
 * leader of a new session and process group (it execs in place, so the pid Java sees is the group id,
 * because a JVM's child is never a group leader already); {@code kill -SIG -- -pgid} signals the whole
 * group, grandchildren included, even after the leader died. Thread-safe.
 */
public final class ProcessGroups {
  private static final List<String> DIRS = List.of("/usr/bin", "/bin", "/usr/local/bin");

  private final Optional<Path> setsid;
  private final Optional<Path> kill;

  private ProcessGroups(Optional<Path> setsid, Optional<Path> kill) {
    this.setsid = setsid;
    this.kill = kill;
  }

  /** Uses {@code setsid} and {@code kill} when both are installed in the usual places. */
  public static ProcessGroups detect() {
    Optional<Path> setsid = find("setsid");
    Optional<Path> kill = find("kill");
    return setsid.isPresent() && kill.isPresent() ? new ProcessGroups(setsid, kill) : unavailable();
  }

  /** No process groups: signals go to the process and the descendants it has at that moment. */
  public static ProcessGroups unavailable() {
    return new ProcessGroups(Optional.empty(), Optional.empty());
  }

  public boolean available() {
    return setsid.isPresent();
  }

  /** The command prefix that starts a process in its own group, empty when unavailable. */
  public List<String> launcherPrefix() {
    return setsid.map(p -> List.of(p.toString())).orElse(List.of());
  }

  /**
   * Sends {@code signal} to every process in group {@code pgid}.
   *
   * @return false when the group no longer exists (or groups are unavailable)
   */
  public boolean signal(long pgid, Signal signal) {
    if (kill.isEmpty()) {
      return false;
    }
    ProcessBuilder pb = new ProcessBuilder(kill.get().toString(), "-s", signal.name(), "--", "-" + pgid)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    try {
      Process p = pb.start();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Optional<Path> find(String name) {
    return DIRS.stream().map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst();
  }
}
