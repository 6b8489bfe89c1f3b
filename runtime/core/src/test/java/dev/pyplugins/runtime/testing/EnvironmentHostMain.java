package dev.pyplugins.runtime.testing;

import dev.pyplugins.runtime.PluginEnvironment;
import dev.pyplugins.runtime.RuntimeOptions;
import dev.pyplugins.runtime.PluginStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A host in its own JVM, for tests that kill it or bound its heap: loads the plugins of {@code args[0]}
 * (socket directories under {@code args[1]}), serves the HTTP bridge, prints {@code plugin <id> <pid>} per
 * plugin, {@code port <n>} and {@code ready}; then answers {@code heap} on stdin with
 * {@code heap <peak used bytes> <max bytes>} until stdin ends. {@code exit} ends the JVM at once with
 * {@code System.exit}, the environment left open; {@code exit-with-hook} first installs a shutdown hook that,
 * like a host's own, stops its web server (taking {@value #WEB_STOP_MILLIS} ms) and then closes the environment.
 */
public final class EnvironmentHostMain {
  /** How long the "host's own" shutdown hook takes to stop its web server before it closes the environment. */
  static final int WEB_STOP_MILLIS = 500;

  private EnvironmentHostMain() {}

  public static void main(String[] args) throws Exception {
    RuntimeOptions options = RuntimeOptions.builder().socketBaseDir(Path.of(args[1])).build();
    PluginEnvironment environment = PluginEnvironment.builder().pluginsDirectory(Path.of(args[0]))
        .pluginApi(new CallerEchoApi()).options(options).build();
    for (PluginStatus status : environment.loadAll()) {
      System.out.println("plugin " + status.pluginId() + " " + status.pid().orElse(-1));
    }
    JettyHost jetty = new JettyHost(environment);
    System.out.println("port " + jetty.port());
    System.out.println("ready");
    System.out.flush();
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String command;
    while ((command = commands.readLine()) != null) {
      if (command.equals("heap")) {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
          if (pool.getType() == MemoryType.HEAP) {
            peak += pool.getPeakUsage().getUsed();
          }
        }
        System.out.println("heap " + peak + " " + Runtime.getRuntime().maxMemory());
        System.out.flush();
      } else if (command.equals("exit")) {
        System.exit(0);
      } else if (command.equals("exit-with-hook")) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            Thread.sleep(WEB_STOP_MILLIS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          jetty.close();
          environment.close();
        }, "host-shutdown"));
        System.exit(0);
      }
    }
    jetty.close();
    environment.close();
  }
}
