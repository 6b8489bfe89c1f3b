package dev.pyplugins.benchmarks.runtime;

import dev.pyplugins.protocol.v1.HookName;
import dev.pyplugins.protocol.v1.Hooks;
import dev.pyplugins.runtime.PluginEnvironment;
import dev.pyplugins.runtime.RuntimeOptions;
import dev.pyplugins.runtime.PluginState;
import dev.pyplugins.runtime.PluginStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Runs the runtime benchmark and prints one table: hook round trip, API calls from Python, throughput,
 * ServeHTTP streaming, cold start and hook fan-out, each beside its bare floor measured in the same run;
 * with {@code results=<dir>}, also writes the table and the machine facts to a results file.
 *
 * <p>Arguments: {@code key=value}, see {@link Settings}. benchmarks/run.sh builds, makes the venv and passes them.
 */
public final class RuntimeBenchmark {
  static final String MAIN_ID = "bench.main";
  static final String COLD_ID = "bench.cold";

  private RuntimeBenchmark() {}

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    Instant started = Instant.now();
    String loadBefore = MachineFacts.loadAverage();
    System.out.println("runtime benchmark: " + settings.describe());
    System.out.println("load average before: " + loadBefore);

    ResultTable table = run(settings);

    String loadAfter = MachineFacts.loadAverage();
    Duration took = Duration.between(started, Instant.now());
    System.out.println();
    System.out.print(table.markdown());
    System.out.println();
    System.out.print(table.cpuMarkdown());
    System.out.printf(Locale.ROOT, "%nload average before: %s, after: %s; took %d min %d s%n", loadBefore, loadAfter,
        took.toMinutes(), took.toSecondsPart());
    for (Row missed : table.missed()) {
      System.out.printf(Locale.ROOT, "target missed: %s (ratio %.2f, target %s)%n", missed.figure(),
          missed.ratio().orElseThrow(), missed.target().orElseThrow());
    }
    if (settings.results() != null) {
      if (!settings.allSections()) {
        System.out.println("not writing a results file: only sections " + settings.sections() + " ran");
      } else {
        Map<String, String> facts = MachineFacts.collect(settings.python());
        Path file = ResultsFile.write(settings.results(), settings, table, facts,
            new ResultsFile.Run(started, took, loadBefore, loadAfter));
        System.out.println("results written to " + file);
      }
    }
  }

  private static ResultTable run(Settings settings) throws Exception {
    ResultTable table = new ResultTable();
    Path work = settings.work();
    deleteRecursively(work);
    BenchPlugins plugins = new BenchPlugins(settings.scripts(), settings.python());
    Path pluginsDir = work.resolve("plugins");
    plugins.write(pluginsDir, MAIN_ID, "bench_plugin.py");
    plugins.write(pluginsDir, COLD_ID, "cold_plugin.py");
    InMemoryPluginApi api = new InMemoryPluginApi();
    RuntimeOptions options = RuntimeOptions.builder()
        .hookTimeout(HookName.EXECUTE_COMMAND, Duration.ofMinutes(10)) // one API round runs inside one ExecuteCommand
        .inheritedEnvironment(Set.of("BENCH_PROFILE_DIR")) // run.sh's profiling switch, read by bench_plugin.py
        .autoMtls(settings.autoMtls())
        .build();
    try (Floors floors = new Floors(settings, api);
         PluginEnvironment environment = PluginEnvironment.builder().pluginsDirectory(pluginsDir).pluginApi(api)
             .options(options).build()) {
      running(environment.activate(MAIN_ID));
      Hooks hooks = environment.hooks(MAIN_ID).orElseThrow();
      LongSupplier pluginPid = () -> environment.status(MAIN_ID).orElseThrow().pid().orElseThrow();
      if (settings.runs("hook") || settings.runs("throughput")) {
        HookBenchmarks hookBenchmarks = new HookBenchmarks(settings, hooks, pluginPid, floors.hooksChannel(),
            floors.hooksServerPid());
        if (settings.runs("hook")) {
          section("hook round trip", table, hookBenchmarks::roundTrip);
        }
        if (settings.runs("throughput")) {
          section("throughput", table, hookBenchmarks::throughput);
        }
      }
      if (settings.runs("api")) {
        section("API calls from Python", table, new ApiBenchmark(settings, hooks, pluginPid, floors.apiTarget())::run);
      }
      if (settings.runs("http")) {
        try (HttpHost host = new HttpHost(environment)) {
          section("ServeHTTP", table, new HttpBenchmark(settings, host, MAIN_ID, pluginPid,
              new BridgeStreams(hooks), new FloorStreams(floors.streamChannel()), floors.hooksServerPid())::run);
        }
      }
      if (settings.runs("cold")) {
        section("cold start", table, new ColdStartBenchmark(settings, environment, COLD_ID, floors.transport(),
            floors.socketDir())::run);
      }
      if (settings.runs("fanout")) {
        Path fanOutDir = work.resolve("fanout");
        for (int i = 0; i < settings.fanOutPlugins(); i++) {
          plugins.write(fanOutDir, String.format(Locale.ROOT, "bench.fan-%02d", i), "bench_plugin.py");
        }
        try (PluginEnvironment many = PluginEnvironment.builder().pluginsDirectory(fanOutDir).pluginApi(api)
            .options(options).build()) {
          many.loadAll().forEach(RuntimeBenchmark::running);
          section("fan-out", table, new FanOutBenchmark(settings, many, environment)::run);
        }
      }
    }
    deleteRecursively(work);
    return table;
  }

  /** A part of the benchmark that adds rows to the table. */
  @FunctionalInterface
  private interface Section {
    void run(ResultTable table) throws Exception;
  }

  private static void section(String name, ResultTable table, Section section) throws Exception {
    System.out.printf(Locale.ROOT, "%s ...%n", name);
    long start = System.nanoTime();
    int before = table.rows().size();
    section.run(table);
    for (Row r : table.rows().subList(before, table.rows().size())) {
      System.out.printf(Locale.ROOT, "  %-55s %14s  floor %14s  %s%n", r.figure(), ResultTable.value(r.ours(), r.unit()),
          r.reference().map(v -> ResultTable.value(v, r.unit())).orElse("-"),
          r.ratio().map(v -> String.format(Locale.ROOT, "ratio %.2f", v)).orElse(""));
    }
    System.out.printf(Locale.ROOT, "  (%.0f s)%n", (System.nanoTime() - start) / 1e9);
  }

  private static void running(PluginStatus status) {
    if (status.state() != PluginState.RUNNING) {
      throw new IllegalStateException("plugin " + status.pluginId() + " is not running: " + status);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
