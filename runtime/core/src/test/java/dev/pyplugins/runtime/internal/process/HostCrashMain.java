package dev.pyplugins.runtime.internal.process;

import dev.pyplugins.runtime.RuntimeOptions;
import dev.pyplugins.runtime.internal.manifest.InterpreterLocator;
import java.nio.file.Path;
import java.util.Map;

/**
 * A host for {@link HostCrashTest}, run in its own JVM: starts the given fixtures, prints
 * "pid socketDir" per plugin and "ready", then waits to be killed.
 */
public final class HostCrashMain {
  private HostCrashMain() {}

  public static void main(String[] args) throws InterruptedException {
    Path out = Path.of(args[0]);
    RuntimeOptions options = RuntimeOptions.builder().socketBaseDir(Path.of(args[1])).autoMtls(false).build();
    PluginLauncher launcher = new PluginLauncher(options, ProcessGroups.detect(),
        InterpreterLocator.onSystemPath("python3"));
    for (int i = 2; i < args.length; i++) {
      LaunchedPlugin p = launcher.launch(Fixtures.manifest(args[i]),
          dir -> SpawnInputs.environment(Map.of("FIXTURE_OUT", out.toString())),
          pid -> entry -> { });
      System.out.println(p.process().pid() + " " + p.process().socketDirectory().orElseThrow().path());
    }
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
