package dev.pyplugins.runtime.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

class PluginLogSinksTest {

  @Test
  void aHostWithAnSlf4jProviderGetsThePluginsLogsThroughSlf4j() {
    assertThat(PluginLogSinks.forPlugin("com.example.a", 1, LoggerFactory.getILoggerFactory(), System.err))
        .isInstanceOf(Slf4jLogSink.class);
  }

  @Test
  void aHostWithoutOneGetsThemOnStderrAfterOneNoticeNeverSilently() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream stderr = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    PluginLogSink sink = PluginLogSinks.forPlugin("com.example.a", 1, new NOPLoggerFactory(), stderr);
    PluginLogSinks.forPlugin("com.example.b", 2, new NOPLoggerFactory(), stderr);
    sink.log(new PluginLogEntry(LogLevel.ERROR, "Traceback ... boom", "", "", Map.of("hook", "OnActivate"),
        "stderr"));
    sink.log(PluginLogEntry.plain(LogLevel.DEBUG, "noise", "stderr"));

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text.lines().filter(l -> l.contains("no SLF4J provider")).count()).isLessThanOrEqualTo(1);
    assertThat(text).contains("[plugin com.example.a] ERROR Traceback ... boom hook=OnActivate")
        .doesNotContain("noise");
  }
}
