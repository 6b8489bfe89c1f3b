package dev.pyplugins.runtime.internal.process;

import dev.pyplugins.runtime.RuntimeOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The complete environment a plugin starts with. The host's own environment may hold its secrets (database
 * passwords, cloud tokens), so a plugin gets only an allow-list of it: {@link #ALWAYS_INHERITED}, any
 * {@code LC_*}, and {@link RuntimeOptions#inheritedEnvironment()}; then
 * {@link RuntimeOptions#pluginEnvironment()}; then the launcher's own variables, which nothing overrides.
 */
final class ChildEnvironment {
  /** Host variables every plugin gets (when set): what an interpreter and its locale need to run. */
  static final Set<String> ALWAYS_INHERITED = Set.of("PATH", "HOME", "LANG", "TZ", "TMPDIR");

  private ChildEnvironment() {}

  /**
   * @param host the host's environment ({@code System.getenv()} outside tests)
   * @param launcher the go-plugin, SDK and supervisor variables
   */
  static Map<String, String> assemble(Map<String, String> host, RuntimeOptions options, Map<String, String> launcher) {
    Map<String, String> env = new LinkedHashMap<>();
    new TreeMap<>(host).forEach((name, value) -> {
      if (inherited(name, options)) {
        env.put(name, value);
      }
    });
    env.putAll(options.pluginEnvironment());
    env.putAll(launcher);
    return env;
  }

  private static boolean inherited(String name, RuntimeOptions options) {
    return ALWAYS_INHERITED.contains(name) || name.startsWith("LC_") || options.inheritedEnvironment().contains(name);
  }
}
