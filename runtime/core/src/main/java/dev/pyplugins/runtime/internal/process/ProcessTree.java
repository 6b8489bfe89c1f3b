package dev.pyplugins.runtime.internal.process;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Signals a plugin process and everything it started: its process group when it has one, otherwise the
 * process and every descendant seen so far (remembered, since orphans drop out of
 * {@link ProcessHandle#descendants()}). Thread-safe.
 */
final class ProcessTree {
  private final long pid;
  private final Optional<ProcessHandle> leader;
  private final boolean grouped;
  private final ProcessGroups groups;
  private final Set<ProcessHandle> knownDescendants = new LinkedHashSet<>();

  /** @param pid the plugin's pid, which may already be gone (a plugin that crashed at once) */
  ProcessTree(long pid, boolean grouped, ProcessGroups groups) {
    this.pid = pid;
    this.leader = ProcessHandle.of(pid);
    this.grouped = grouped;
    this.groups = groups;
  }

  /** Whether the leader heads its own process group, so signals reach its whole group. */
  boolean grouped() {
    return grouped;
  }

  synchronized void signal(Signal signal) {
    if (grouped && groups.signal(pid, signal)) {
      return;
    }
    leader.filter(ProcessHandle::isAlive).ifPresent(h -> h.descendants().forEach(knownDescendants::add));
    List<ProcessHandle> targets = new ArrayList<>(knownDescendants);
    leader.ifPresent(targets::add);
    for (ProcessHandle h : targets) {
      if (signal == Signal.KILL) {
        h.destroyForcibly();
      } else {
        h.destroy();
      }
    }
  }
}
