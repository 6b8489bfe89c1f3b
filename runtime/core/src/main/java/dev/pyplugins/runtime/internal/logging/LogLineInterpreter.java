package dev.pyplugins.runtime.internal.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a plugin's output lines into log events, in go-plugin's manner plus Python's:
 * <ul>
 *   <li>an hclog JSON line ({@code @level}, {@code @message}, optional {@code @timestamp} in Go's
 *       {@code 2006-01-02T15:04:05.000000Z07:00} layout, {@code @module}, {@code @caller}, other keys as
 *       fields); a JSON line whose timestamp does not parse is plain text, one without a known level is
 *       logged verbatim at DEBUG;</li>
 *   <li>a {@code [TRACE]}..{@code [ERROR]} prefix, Python's {@code WARNING:name:message} default format,
 *       or a glog prefix ({@code E1122 10:00:00.123456 123 file.cc:45]}, grpcio's C core) gives the level;</li>
 *   <li>a Python {@code Traceback (most recent call last):} block, up to its exception line, becomes one
 *       ERROR event; so does a chained one;</li>
 *   <li>after {@code panic: } or {@code fatal error: } (a Go crash) every later untagged line is ERROR;</li>
 *   <li>any other line is INFO. go-plugin uses DEBUG here; a Python plugin's stray stderr output (warnings,
 *       library messages) is worth seeing by default.</li>
 * </ul>
 * Blank lines outside a traceback are dropped. Not thread-safe: one instance per stream.
 */
public final class LogLineInterpreter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern GO_TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}(Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern BRACKET_LEVEL = Pattern.compile("\\[(TRACE|DEBUG|INFO|WARN|ERROR)\\]\\s?(.*)",
      Pattern.DOTALL);
  private static final Pattern PYTHON_LEVEL = Pattern.compile("(DEBUG|INFO|WARNING|ERROR|CRITICAL):(.*)",
      Pattern.DOTALL);
  private static final Pattern GLOG = Pattern.compile("([IWEF])\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d+\\s+\\d+ [^\\]]+\\].*",
      Pattern.DOTALL);
  private static final Set<String> HCLOG_KEYS = Set.of("@level", "@message", "@timestamp", "@module", "@caller");
  private static final String TRACEBACK = "Traceback (most recent call last):";
  private static final Set<String> CHAIN_LINES = Set.of(
      "During handling of the above exception, another exception occurred:",
      "The above exception was the direct cause of the following exception:");
  private static final int MAX_TRACEBACK_LINES = 500;

  private final String source;
  private final PluginLogSink sink;
  private final StringBuilder traceback = new StringBuilder();
  private int tracebackLines;
  private boolean panicking;

  public LogLineInterpreter(String source, PluginLogSink sink) {
    this.source = source;
    this.sink = sink;
  }

  /** Interprets one line (no terminator). */
  public void accept(String line) {
    if (line.startsWith("{")) {
      Optional<PluginLogEntry> json = hclog(line);
      if (json.isPresent()) {
        sink.log(json.get());
        return;
      }
    }
    if (tracebackLines > 0) {
      continueTraceback(line);
      return;
    }
    if (isTracebackStart(line) || CHAIN_LINES.contains(line)) {
      appendTraceback(line);
      return;
    }
    if (line.isBlank()) {
      return;
    }
    sink.log(plainLine(line));
  }

  /** Passes on a traceback still being collected; call at end of stream. */
  public void finish() {
    flushTraceback();
  }

  private void continueTraceback(String line) {
    boolean frame = line.isEmpty() || Character.isWhitespace(line.charAt(0));
    if (frame || isTracebackStart(line) || CHAIN_LINES.contains(line)) {
      appendTraceback(line);
      if (tracebackLines >= MAX_TRACEBACK_LINES) {
        flushTraceback();
      }
      return;
    }
    // The first unindented line is the exception itself ("ValueError: boom"); it ends the block.
    appendTraceback(line);
    flushTraceback();
  }

  private static boolean isTracebackStart(String line) {
    return line.startsWith(TRACEBACK) || line.strip().matches("\\+? ?Exception Group Traceback \\(most recent call last\\):");
  }

  private void appendTraceback(String line) {
    if (tracebackLines > 0) {
      traceback.append('\n');
    }
    traceback.append(line);
    tracebackLines++;
  }

  private void flushTraceback() {
    if (tracebackLines == 0) {
      return;
    }
    String text = traceback.toString().strip();
    traceback.setLength(0);
    tracebackLines = 0;
    if (!text.isEmpty()) {
      sink.log(PluginLogEntry.plain(LogLevel.ERROR, text, source));
    }
  }

  private PluginLogEntry plainLine(String line) {
    Matcher m = BRACKET_LEVEL.matcher(line);
    if (m.matches()) {
      return PluginLogEntry.plain(LogLevel.valueOf(m.group(1)), m.group(2), source);
    }
    m = PYTHON_LEVEL.matcher(line);
    if (m.matches()) {
      return PluginLogEntry.plain(LogLevel.fromName(m.group(1)).orElseThrow(), m.group(2), source);
    }
    m = GLOG.matcher(line);
    if (m.matches()) {
      LogLevel level = switch (m.group(1)) {
        case "I" -> LogLevel.INFO;
        case "W" -> LogLevel.WARN;
        default -> LogLevel.ERROR;
      };
      return PluginLogEntry.plain(level, line, source);
    }
    if (line.startsWith("panic: ") || line.startsWith("fatal error: ")) {
      panicking = true;
    }
    return PluginLogEntry.plain(panicking ? LogLevel.ERROR : LogLevel.INFO, line, source);
  }

  private Optional<PluginLogEntry> hclog(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    String timestamp = text(node, "@timestamp");
    if (!timestamp.isEmpty() && !GO_TIMESTAMP.matcher(timestamp).matches()) {
      return Optional.empty();
    }
    Optional<LogLevel> level = LogLevel.fromName(text(node, "@level"));
    if (level.isEmpty()) {
      return Optional.of(PluginLogEntry.plain(LogLevel.DEBUG, line, source));
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    node.properties().forEach(e -> {
      if (!HCLOG_KEYS.contains(e.getKey())) {
        fields.put(e.getKey(), value(e.getValue()));
      }
    });
    if (node.hasNonNull("@caller")) {
      fields.put("caller", text(node, "@caller"));
    }
    return Optional.of(new PluginLogEntry(level.get(), text(node, "@message"), text(node, "@module"), timestamp,
        java.util.Collections.unmodifiableMap(fields), source));
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? "" : v.isTextual() ? v.textValue() : v.toString();
  }

  private static Object value(JsonNode v) {
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isIntegralNumber()) {
      return v.longValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    return v.isNull() ? "null" : v.toString();
  }
}
