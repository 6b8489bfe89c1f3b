package dev.pyplugins.benchmarks.runtime;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one run does, from {@code key=value} arguments (benchmarks/run.sh passes them; every key but the
 * paths has a default).
 *
 * @param python the venv interpreter (pinned grpcio and protobuf, the SDK wheel)
 * @param scripts the benchmark's Python sources ({@code src/main/python})
 * @param work a scratch directory for plugin directories
 * @param results where the results file goes; none: print only
 * @param hostKind the machine kind in the results file's name
 * @param runs rounds of every figure (each figure is the median of its rounds)
 * @param hookCalls sequential hook calls per round
 * @param apiCalls API calls per round and method
 * @param warmup calls on each path before its first round
 * @param throughputSeconds length of one throughput round
 * @param callers concurrent callers of the throughput figure
 * @param httpMib MiB per ServeHTTP transfer
 * @param coldStarts cold starts of each kind (each is one round)
 * @param fanOutCalls fan-out calls per round
 * @param fanOutPlugins plugins of the fan-out figure
 * @param sections the sections to run: hook, api, throughput, http, cold, fanout
 * @param autoMtls whether the runtime's plugins use AutoMTLS (the runtime's default, on); then the ServeHTTP
 *     stream floor uses mutual TLS too, the other floors never do
 */
record Settings(Path python, Path scripts, Path work, Path results, String hostKind, int runs, int hookCalls,
    int apiCalls, int warmup, int throughputSeconds, int callers, int httpMib, int coldStarts, int fanOutCalls,
    int fanOutPlugins, Set<String> sections, boolean autoMtls) {

  static final List<String> ALL_SECTIONS = List.of("hook", "api", "throughput", "http", "cold", "fanout");

  static Settings parse(String[] args) {
    Map<String, String> v = new HashMap<>(Map.of("runs", "5", "hook-calls", "5000", "api-calls", "3000",
        "warmup", "5000", "throughput-seconds", "3", "callers", "8", "http-mib", "128", "cold-starts", "7",
        "fanout-calls", "300", "fanout-plugins", "10"));
    v.put("sections", String.join(",", ALL_SECTIONS));
    v.put("host-kind", "local");
    v.put("auto-mtls", "true");
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("arguments are key=value, got '" + arg + "'");
      }
      v.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    Set<String> sections = Set.of(v.get("sections").split(","));
    for (String s : sections) {
      if (!ALL_SECTIONS.contains(s)) {
        throw new IllegalArgumentException("unknown section '" + s + "'; sections are " + ALL_SECTIONS);
      }
    }
    return new Settings(path(v, "python"), path(v, "scripts"), path(v, "work"),
        v.containsKey("results") ? Path.of(v.get("results")) : null, v.get("host-kind"), positive(v, "runs"),
        positive(v, "hook-calls"), positive(v, "api-calls"), positive(v, "warmup"),
        positive(v, "throughput-seconds"), positive(v, "callers"), positive(v, "http-mib"),
        positive(v, "cold-starts"), positive(v, "fanout-calls"), positive(v, "fanout-plugins"), sections,
        bool(v, "auto-mtls"));
  }

  boolean runs(String section) {
    return sections.contains(section);
  }

  boolean allSections() {
    return sections.containsAll(ALL_SECTIONS);
  }

  /** The parameters, as the results file states them. */
  String describe() {
    return String.format("%d rounds per figure; %d hook calls and %d API calls per round after %d warm-up calls;"
            + " %d callers for %d s per throughput round; %d MiB per ServeHTTP transfer; %d cold starts of each"
            + " kind; %d fan-out calls per round over %d plugins; AutoMTLS %s", runs, hookCalls, apiCalls, warmup,
        callers, throughputSeconds, httpMib, coldStarts, fanOutCalls, fanOutPlugins, autoMtls ? "on" : "off");
  }

  private static Path path(Map<String, String> v, String key) {
    String value = v.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing argument " + key + "=<path>");
    }
    return Path.of(value).toAbsolutePath().normalize();
  }

  private static boolean bool(Map<String, String> v, String key) {
    String value = v.get(key);
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(key + " must be true or false, got '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }

  private static int positive(Map<String, String> v, String key) {
    int n;
    try {
      n = Integer.parseInt(v.get(key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, got '" + v.get(key) + "'", e);
    }
    if (n <= 0) {
      throw new IllegalArgumentException(key + " must be positive, got " + n);
    }
    return n;
  }
}
