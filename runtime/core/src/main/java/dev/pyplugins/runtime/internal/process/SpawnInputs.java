package dev.pyplugins.runtime.internal.process;

import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * What host-side preparation ({@link PluginLauncher.BeforeSpawn}) gives a plugin process: variables for its
 * environment (nothing secret: a same-user process can read them in {@code /proc/<pid>/environ}), fields of
 * the bootstrap line written to its stdin (secrets go here), and a callback told the pid right after the
 * spawn, before the bootstrap line is written. Immutable.
 *
 * @param environment variables added to the plugin's environment
 * @param bootstrap fields of the bootstrap line (see {@link BootstrapLine})
 * @param spawned called with the process's pid once it exists
 */
public record SpawnInputs(Map<String, String> environment, Map<String, String> bootstrap, LongConsumer spawned) {
  public SpawnInputs {
    environment = Map.copyOf(environment);
    bootstrap = Map.copyOf(bootstrap);
    Objects.requireNonNull(spawned, "spawned");
  }

  /** Only environment variables: an empty bootstrap line, no interest in the pid. */
  public static SpawnInputs environment(Map<String, String> environment) {
    return new SpawnInputs(environment, Map.of(), pid -> {});
  }
}
