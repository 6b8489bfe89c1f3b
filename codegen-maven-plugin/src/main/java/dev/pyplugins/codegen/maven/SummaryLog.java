package dev.pyplugins.codegen.maven;

import dev.pyplugins.codegen.GenerationSummary;
import dev.pyplugins.codegen.OutputRoot;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;

/** Reports a generation run in the build log: one line at info level, the details at debug level. */
final class SummaryLog {

  private final Log log;

  SummaryLog(Log log) {
    this.log = log;
  }

  void report(GenerationSummary summary, int protoFiles) {
    GenerationSummary.Timings t = summary.timings();
    String hash = summary.inputHash().substring(0, 12);
    if (summary.upToDate()) {
      log.info("Generated files are up to date (inputs sha256 " + hash + "...), nothing to do ["
          + seconds(t.total()) + "]");
      return;
    }
    summary.protocWarnings().forEach(warning -> log.warn("protoc: " + warning));
    Map<OutputRoot, Integer> counts = summary.fileCounts();
    log.info(String.format(Locale.ROOT, "Generated %s from %d .proto files in %s (protoc %s, model %s,"
            + " generators %s, write %s)", describe(counts), protoFiles, seconds(t.total()), seconds(t.protoc()),
        seconds(t.parse()), seconds(t.allGenerators()), seconds(t.write())));
    if (log.isDebugEnabled()) {
      log.debug("inputs sha256 " + summary.inputHash());
      t.generators().forEach((name, time) -> log.debug("generator " + name + ": " + seconds(time)));
    }
  }

  private static String describe(Map<OutputRoot, Integer> counts) {
    StringBuilder text = new StringBuilder();
    counts.forEach((root, count) -> text.append(text.length() == 0 ? "" : ", ").append(count).append(' ')
        .append(root.name().toLowerCase(Locale.ROOT)));
    return text + " files";
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
  }
}
