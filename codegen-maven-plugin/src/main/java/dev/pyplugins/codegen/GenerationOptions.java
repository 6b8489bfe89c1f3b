package dev.pyplugins.codegen;

import java.util.Map;
import java.util.Optional;

/**
 * The user's choices for one generation run; immutable. The Maven mojo builds it from its parameters.
 *
 * @param javaPackage package of the generated Java classes; empty means the {@code java_package} of the
 *     file that declares the API (or hooks) service
 * @param apiService name (simple or full) of the service plugins call into the host; the service is
 *     optional: when the protocol has none, API outputs are skipped
 * @param hooksService name (simple or full) of the service the host calls on plugins; optional likewise
 * @param apiInterfaceName simple name of the generated Java API interface (default {@code PluginApi})
 * @param hooksInterfaceName simple name of the generated Java hooks interface (default {@code Hooks})
 * @param hookDeadlineMillis the default deadline of a hook call, in milliseconds (Mattermost: 30000)
 * @param python the Python SDK choices
 */
public record GenerationOptions(
    Optional<String> javaPackage,
    String apiService,
    String hooksService,
    String apiInterfaceName,
    String hooksInterfaceName,
    long hookDeadlineMillis,
    PythonOptions python) {

  /** Defaults that fit the Mattermost protocol in {@code proto/}. */
  public static GenerationOptions defaults() {
    return new GenerationOptions(Optional.empty(), "PluginAPI", "PluginHooks", "PluginApi", "Hooks", 30_000,
        PythonOptions.defaults());
  }

  /**
   * The Python SDK and wheel choices.
   *
   * @param packageName the import name of the SDK package (default {@code mattermost_plugin})
   * @param distributionName the distribution name in the wheel's metadata (default
   *     {@code mattermost-plugin})
   * @param version the PEP 440 version of the wheel
   * @param requiresPython the {@code Requires-Python} specifier
   * @param requirements {@code Requires-Dist} entries: distribution name to version specifier
   */
  public record PythonOptions(
      String packageName,
      String distributionName,
      String version,
      String requiresPython,
      Map<String, String> requirements) {

    public PythonOptions {
      requirements = Map.copyOf(requirements);
    }

    public static PythonOptions defaults() {
      return new PythonOptions("mattermost_plugin", "mattermost-plugin", "0.1.0", ">=3.10",
          Map.of("grpcio", ">=1.85.1", "grpcio-health-checking", ">=1.85.1", "protobuf", ">=7.36.2"));
    }
  }
}
