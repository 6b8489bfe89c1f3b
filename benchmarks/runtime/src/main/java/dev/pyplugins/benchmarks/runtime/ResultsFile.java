package dev.pyplugins.benchmarks.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Writes {@code <dir>/<yyyy-mm-dd>-<host kind>.md}: the table, the parameters and the machine facts. */
final class ResultsFile {
  private ResultsFile() {}

  record Run(Instant started, Duration took, String loadBefore, String loadAfter) {}

  static Path write(Path dir, Settings settings, ResultTable table, Map<String, String> facts, Run run)
      throws IOException {
    String date = DateTimeFormatter.ISO_LOCAL_DATE.format(run.started().atOffset(ZoneOffset.UTC));
    Path file = Files.createDirectories(dir).resolve(date + "-" + settings.hostKind() + ".md");
    StringBuilder md = new StringBuilder();
    md.append("# Runtime benchmark, ").append(date).append(", ").append(settings.hostKind()).append("\n\n");
    md.append("Made by `benchmarks/run.sh` (see `benchmarks/README.md` for what each figure and floor is).\n")
        .append("Started ").append(run.started().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
        .append(", took ").append(run.took().toMinutes()).append(" min ").append(run.took().toSecondsPart())
        .append(" s. Load average (1, 5, 15 min) before: ").append(run.loadBefore()).append("; after: ")
        .append(run.loadAfter()).append(".\n\n");
    md.append(table.markdown()).append('\n');
    md.append("Each figure is the median over rounds; every ratio is ours ÷ its floor, the two measured in\n")
        .append("alternating rounds of this run. Latencies in µs (lower is better), rates per second (higher is\n")
        .append("better), so a rate's target of ≥ 0.87 is \"within 1.15x\". The fan-out rows compare with one plugin\n")
        .append("and have no target.\n\n");
    md.append("Where the CPU time went, per operation, in the host JVM and in the Python process (user + system time\n")
        .append("of all threads, from /proc; it hardly depends on the machine's load, unlike the wall times above):\n\n");
    md.append(table.cpuMarkdown()).append('\n');
    md.append("Parameters: ").append(settings.describe()).append(".\n");
    md.append("Payloads: post ").append(Payloads.post().getSerializedSize()).append(" bytes encoded, user ")
        .append(Payloads.user().getSerializedSize()).append(" bytes, KV value ").append(Payloads.KV_VALUE_SIZE)
        .append(" bytes.\n\n");
    md.append("## Machine\n\n");
    facts.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    Files.writeString(file, md.toString());
    return file;
  }
}
