package dev.pyplugins.codegen;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a generation run did.
 *
 * @param upToDate true when the inputs' hash matched the last run and its outputs were intact, so nothing
 *     was generated or written
 * @param inputHash the SHA-256 of every input, in hex
 * @param files the files now in each output directory, as sorted relative paths ({@code /} separators)
 * @param protocWarnings what protoc warned about (an unused import, say), one line each; empty for an
 *     up-to-date run
 * @param timings where the time went
 */
public record GenerationSummary(boolean upToDate, String inputHash, Map<OutputRoot, List<String>> files,
    List<String> protocWarnings, Timings timings) {

  public GenerationSummary {
    protocWarnings = List.copyOf(protocWarnings);
    Map<OutputRoot, List<String>> copy = new EnumMap<>(OutputRoot.class);
    files.forEach((root, paths) -> copy.put(root, paths.stream().sorted().toList()));
    files = Collections.unmodifiableMap(copy);
  }

  /** How many files each output directory holds, in {@link OutputRoot} order. */
  public Map<OutputRoot, Integer> fileCounts() {
    Map<OutputRoot, Integer> counts = new EnumMap<>(OutputRoot.class);
    files.forEach((root, paths) -> counts.put(root, paths.size()));
    return Collections.unmodifiableMap(counts);
  }

  /**
   * Wall-clock time per step. Steps a run skipped take {@link Duration#ZERO}.
   *
   * @param fingerprint hashing the inputs and checking the previous outputs
   * @param protoc running protoc
   * @param parse reading the descriptor set into the protocol model
   * @param generators running each generator, by name, in run order
   * @param write staging the files and swapping the output directories into place
   * @param total the whole run
   */
  public record Timings(Duration fingerprint, Duration protoc, Duration parse, Map<String, Duration> generators,
      Duration write, Duration total) {

    public Timings {
      generators = Collections.unmodifiableMap(new LinkedHashMap<>(generators));
    }

    /** The time of all generators together. */
    public Duration allGenerators() {
      return generators.values().stream().reduce(Duration.ZERO, Duration::plus);
    }
  }
}
