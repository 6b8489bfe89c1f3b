package dev.pyplugins.runtime.internal.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every plugin process of this JVM that has not been stopped, and the JVM shutdown hook that ends them: on
 * a normal JVM exit it first runs the registered graceful closes (each open {@code PluginEnvironment}:
 * OnDeactivate, Shutdown, signals), so a host's own shutdown hook that closes its environment joins that
 * close instead of racing a SIGTERM; then it kills whatever is left, so no plugin outlives the host even if
 * nobody stopped it. A {@code kill -9} of the JVM runs no hook: the stdin lifeline and the
 * {@link HostWatchdog} cover that. Thread-safe.
 */
public final class LiveProcesses {
  private static final Set<PluginProcess> LIVE = ConcurrentHashMap.newKeySet();
  private static final Set<Runnable> GRACEFUL_CLOSES = ConcurrentHashMap.newKeySet();
  private static volatile boolean hookInstalled;
  private static volatile Optional<HostWatchdog> watchdog = Optional.empty();

  private LiveProcesses() {}

  static void register(PluginProcess p) {
    installHook();
    LIVE.add(p);
    watchdog.ifPresent(w -> w.add(p.pid(), directory(p)));
  }

  static void unregister(PluginProcess p) {
    if (LIVE.remove(p)) {
      watchdog.ifPresent(w -> w.remove(p.pid(), directory(p)));
    }
  }

  /**
   * Runs {@code close} on JVM exit, before the remaining processes are killed; it must stop its processes
   * within its own deadlines.
   *
   * @return removes the registration (after a close of its own, say)
   */
  public static Runnable closeOnExit(Runnable close) {
    installHook();
    GRACEFUL_CLOSES.add(close);
    return () -> GRACEFUL_CLOSES.remove(close);
  }

  private static Path directory(PluginProcess p) {
    return p.socketDirectory().map(SocketDirectory::path).orElse(null);
  }

  static List<PluginProcess> snapshot() {
    return List.copyOf(LIVE);
  }

  private static synchronized void installHook() {
    if (hookInstalled) {
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(LiveProcesses::shutdown, "pyplugins-shutdown"));
    watchdog = HostWatchdog.start(ProcessGroups.detect());
    hookInstalled = true;
  }

  /** The JVM's exit: the graceful closes, in parallel; then for what is left, as {@link #killAll}. */
  static void shutdown() {
    List.copyOf(GRACEFUL_CLOSES).parallelStream().forEach(close -> {
      try {
        close.run();
      } catch (RuntimeException e) {
        // the processes it leaves are killed next
      }
    });
    killAll();
  }

  /** SIGTERM to every group, up to one second for all to exit, then the full kill of each. */
  static void killAll() {
    List<PluginProcess> all = snapshot();
    all.forEach(p -> p.signalTree(Signal.TERM));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    for (PluginProcess p : all) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        try {
          p.onExit().get(left, TimeUnit.NANOSECONDS);
        } catch (Exception e) {
          // escalated below
        }
      }
    }
    all.parallelStream().forEach(p -> {
      try {
        p.kill();
      } catch (RuntimeException e) {
        // the JVM is going away; nothing more to do
      }
    });
  }
}
