package dev.pyplugins.benchmarks.codegen;

import dev.pyplugins.codegen.CodeGenerationException;
import dev.pyplugins.codegen.CodeGenerator;
import dev.pyplugins.codegen.GenerationOptions;
import dev.pyplugins.codegen.GenerationRequest;
import dev.pyplugins.codegen.GenerationSummary;
import dev.pyplugins.codegen.Generators;
import dev.pyplugins.codegen.OutputRoot;
import dev.pyplugins.codegen.output.Directories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs the default generators (Java and Python) on the whole protocol several times, each time into empty
 * output directories and then once more with unchanged inputs, and prints the first (cold JVM) figures
 * and the medians of the others.
 *
 * <p>Arguments: proto source root, protoc executable, protoc-gen-grpc-java executable, scratch directory,
 * number of runs.
 */
public final class CodegenBenchmark {

  private CodegenBenchmark() {}

  public static void main(String[] args) throws IOException, CodeGenerationException {
    if (args.length != 5) {
      throw new IllegalArgumentException("usage: CodegenBenchmark <proto root> <protoc> <protoc-gen-grpc-java> <scratch dir> <runs>");
    }
    Path protos = Path.of(args[0]).toAbsolutePath().normalize();
    Path protoc = Path.of(args[1]);
    Path grpcJava = Path.of(args[2]);
    Path scratch = Path.of(args[3]);
    int runs = Integer.parseInt(args[4]);
    if (runs < 2) {
      throw new IllegalArgumentException("runs must be at least 2: the first is reported apart, as the cold run");
    }
    List<String> files = protoFiles(protos);
    CodeGenerator generator = new CodeGenerator(Generators.forOutputs(true, true));

    List<GenerationSummary> full = new ArrayList<>();
    List<Duration> fullWall = new ArrayList<>();
    List<Duration> noopWall = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      Path base = scratch.resolve("run-" + i);
      Directories.deleteRecursively(base);
      GenerationRequest request = request(protos, files, protoc, grpcJava, base);

      long start = System.nanoTime();
      GenerationSummary generated = generator.run(request);
      fullWall.add(Duration.ofNanos(System.nanoTime() - start));
      start = System.nanoTime();
      GenerationSummary noop = generator.run(request);
      noopWall.add(Duration.ofNanos(System.nanoTime() - start));
      if (generated.upToDate() || !noop.upToDate()) {
        throw new IllegalStateException("run " + i + ": expected a full generation then a no-op");
      }
      full.add(generated);
      Directories.deleteRecursively(base);
    }

    GenerationSummary first = full.get(0);
    System.out.printf(Locale.ROOT, "Code generation benchmark: %d .proto files from %s, %d generators, %d runs%n",
        files.size(), protos, Generators.forOutputs(true, true).size(), runs);
    System.out.printf(Locale.ROOT, "  output files: %s%n", first.fileCounts());
    System.out.printf(Locale.ROOT, "  first run (cold JVM):  full generation %s, no-op rebuild %s%n",
        ms(fullWall.get(0)), ms(noopWall.get(0)));
    List<GenerationSummary> warm = full.subList(1, full.size());
    System.out.printf(Locale.ROOT, "  median of %d warm runs: full generation %s, no-op rebuild %s%n", warm.size(),
        ms(median(fullWall.subList(1, runs))), ms(median(noopWall.subList(1, runs))));
    System.out.printf(Locale.ROOT, "    full generation breakdown (medians): inputs hash %s, protoc %s, model %s,"
            + " generators %s, write %s%n", ms(median(warm, t -> t.timings().fingerprint())),
        ms(median(warm, t -> t.timings().protoc())), ms(median(warm, t -> t.timings().parse())),
        ms(median(warm, t -> t.timings().allGenerators())), ms(median(warm, t -> t.timings().write())));
    for (String name : first.timings().generators().keySet()) {
      System.out.printf(Locale.ROOT, "      %s: %s%n", name, ms(median(warm, t -> t.timings().generators().get(name))));
    }
  }

  private static GenerationRequest request(Path protos, List<String> files, Path protoc, Path grpcJava, Path base) {
    Map<OutputRoot, Path> outputs = new EnumMap<>(OutputRoot.class);
    outputs.put(OutputRoot.JAVA, base.resolve("java"));
    outputs.put(OutputRoot.PYTHON, base.resolve("python"));
    outputs.put(OutputRoot.WHEEL, base.resolve("wheel"));
    return new GenerationRequest(List.of(protos), List.of(), files, protoc, Optional.of(grpcJava),
        GenerationOptions.defaults(), outputs,
        base.resolve("work"));
  }

  private static List<String> protoFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".proto"))
          .map(p -> root.relativize(p).toString().replace(root.getFileSystem().getSeparator(), "/")).sorted().toList();
    }
  }

  private static Duration median(List<GenerationSummary> summaries, Function<GenerationSummary, Duration> field) {
    return median(summaries.stream().map(field).toList());
  }

  private static Duration median(List<Duration> durations) {
    List<Duration> sorted = durations.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
  }

  private static String ms(Duration duration) {
    return String.format(Locale.ROOT, "%d ms", duration.toMillis());
  }
}
