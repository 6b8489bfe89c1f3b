package dev.pyplugins.benchmarks.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** What the results file says about the machine and the software a run used. */
final class MachineFacts {
  private MachineFacts() {}

  static Map<String, String> collect(Path python) throws IOException, InterruptedException {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("CPU", firstValue(Path.of("/proc/cpuinfo"), "model name", ':').orElse(System.getProperty("os.arch")));
    facts.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    facts.put("RAM", firstValue(Path.of("/proc/meminfo"), "MemTotal", ':')
        .map(kb -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(kb.replace("kB", "").strip()) / 1048576.0))
        .orElse("unknown"));
    String os = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME", '=').map(v -> v.replace("\"", ""))
        .orElse(System.getProperty("os.name"));
    facts.put("OS", os + ", kernel " + System.getProperty("os.version") + ", " + System.getProperty("os.arch"));
    facts.put("Java", System.getProperty("java.vm.name") + " " + Runtime.version());
    Properties versions = new Properties();
    try (InputStream in = MachineFacts.class.getResourceAsStream("/benchmark-versions.properties")) {
      versions.load(in);
    }
    facts.put("grpc-java / protobuf-java", versions.getProperty("grpc") + " / " + versions.getProperty("protobuf")
        + " (netty-shaded, epoll)");
    facts.put("Python, grpcio, protobuf", run(List.of(python.toString(), "-c",
        "import sys, grpc, google.protobuf as p; print('Python %s, grpcio %s, protobuf %s' % "
            + "(sys.version.split()[0], grpc.__version__, p.__version__))")));
    return facts;
  }

  /** The 1, 5 and 15 minute load averages. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The value of the first {@code key<separator>value} line of the file. */
  private static Optional<String> firstValue(Path file, String key, char separator) {
    try {
      for (String line : Files.readAllLines(file)) {
        int sep = line.indexOf(separator);
        if (sep > 0 && line.substring(0, sep).strip().equals(key)) {
          return Optional.of(line.substring(sep + 1).strip());
        }
      }
    } catch (IOException e) {
      // not Linux: the caller's fallback
    }
    return Optional.empty();
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }
}
