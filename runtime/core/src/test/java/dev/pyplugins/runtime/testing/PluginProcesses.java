package dev.pyplugins.runtime.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Looks at plugin processes from outside, as an operator would: /proc, signals, polling. Linux only. */
public final class PluginProcesses {
  private PluginProcesses() {}

  /**
   * The environment a process was started with, from {@code /proc/<pid>/environ}. An SDK plugin is not
   * dumpable, so this needs {@code CAP_SYS_PTRACE} (root here); PluginIsolationTest drops it to see the refusal.
   */
  public static Map<String, String> environment(long pid) {
    try {
      String raw = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")),
          StandardCharsets.UTF_8);
      Map<String, String> env = new LinkedHashMap<>();
      for (String entry : raw.split("\0")) {
        int eq = entry.indexOf('=');
        if (eq > 0) {
          env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
      }
      return env;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the environment of pid " + pid, e);
    }
  }

  public static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** SIGKILL, as an outside killer (OOM killer, operator) would send it. */
  public static void sigkill(long pid) {
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
  }

  /** Polls {@code condition} every 5 ms until it holds or {@code timeout} passes; returns whether it held. */
  public static boolean await(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }
}
