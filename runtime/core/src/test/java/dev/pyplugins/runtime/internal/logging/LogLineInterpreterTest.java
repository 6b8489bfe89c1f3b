package dev.pyplugins.runtime.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogLineInterpreterTest {
  private final List<PluginLogEntry> entries = new ArrayList<>();
  private final LogLineInterpreter interpreter = new LogLineInterpreter("stderr", entries::add);

  @Test
  void hclogJsonLineKeepsLevelMessageModuleTimestampAndFields() {
    interpreter.accept("{\"@level\":\"warn\",\"@message\":\"slow hook\",\"@module\":\"plugin.hooks\","
        + "\"@timestamp\":\"2026-11-22T10:00:00.123456Z\",\"hook\":\"OnActivate\",\"ms\":1500,\"ok\":false}");

    assertThat(entries).containsExactly(new PluginLogEntry(LogLevel.WARN, "slow hook", "plugin.hooks",
        "2026-11-22T10:00:00.123456Z", Map.of("hook", "OnActivate", "ms", 1500L, "ok", false), "stderr"));
    assertThat(entries.get(0).fields().keySet()).containsExactly("hook", "ms", "ok");
  }

  @Test
  void jsonWithTimestampNotInGosLayoutIsPlainText() {
    String line = "{\"@level\":\"error\",\"@message\":\"x\",\"@timestamp\":\"2026-11-22T10:00:00Z\"}";
    interpreter.accept(line);

    assertThat(entries).containsExactly(PluginLogEntry.plain(LogLevel.INFO, line, "stderr"));
  }

  @Test
  void jsonWithoutKnownLevelIsLoggedVerbatimAtDebug() {
    interpreter.accept("{\"msg\":\"hello\"}");

    assertThat(entries).containsExactly(PluginLogEntry.plain(LogLevel.DEBUG, "{\"msg\":\"hello\"}", "stderr"));
  }

  @ParameterizedTest(name = "''{0}'' -> {1} ''{2}''")
  @CsvSource(delimiter = '#', textBlock = """
      [DEBUG] connecting                                # DEBUG # connecting
      [ERROR] it broke                                  # ERROR # it broke
      [WARN]no space                                    # WARN  # no space
      WARNING:root:disk almost full                     # WARN  # root:disk almost full
      CRITICAL:plugin:gone                              # ERROR # plugin:gone
      E1122 10:00:00.123456 4242 chttp2.cc:12] closed   # ERROR # E1122 10:00:00.123456 4242 chttp2.cc:12] closed
      I1122 10:00:00.123456 4242 init.cc:1] started     # INFO  # I1122 10:00:00.123456 4242 init.cc:1] started
      just some text                                    # INFO  # just some text
      """)
  void levelComesFromTheLinesPrefix(String line, LogLevel level, String message) {
    interpreter.accept(line);

    assertThat(entries).containsExactly(PluginLogEntry.plain(level, message, "stderr"));
  }

  @Test
  void pythonTracebackIsOneErrorEventEndingAtTheExceptionLine() {
    List.of("Traceback (most recent call last):",
        "  File \"/plugins/hello/plugin.py\", line 12, in on_activate",
        "    raise ValueError(\"boom\")",
        "ValueError: boom",
        "[INFO] still alive").forEach(interpreter::accept);

    assertThat(entries).containsExactly(
        PluginLogEntry.plain(LogLevel.ERROR, """
            Traceback (most recent call last):
              File "/plugins/hello/plugin.py", line 12, in on_activate
                raise ValueError("boom")
            ValueError: boom""", "stderr"),
        PluginLogEntry.plain(LogLevel.INFO, "still alive", "stderr"));
  }

  @Test
  void chainedTracebackPartsAreAllErrors() {
    List.of("Traceback (most recent call last):", "  File \"a.py\", line 1, in f", "KeyError: 'x'", "",
        "During handling of the above exception, another exception occurred:", "",
        "Traceback (most recent call last):", "  File \"a.py\", line 3, in f", "RuntimeError: wrapped")
        .forEach(interpreter::accept);

    assertThat(entries).extracting(PluginLogEntry::level).containsExactly(LogLevel.ERROR, LogLevel.ERROR);
    assertThat(entries.get(1).message()).startsWith("During handling").endsWith("RuntimeError: wrapped");
  }

  @Test
  void unfinishedTracebackIsPassedOnAtEndOfStream() {
    interpreter.accept("Traceback (most recent call last):");
    interpreter.accept("  File \"a.py\", line 1, in <module>");
    assertThat(entries).isEmpty();

    interpreter.finish();

    assertThat(entries).singleElement().extracting(PluginLogEntry::level).isEqualTo(LogLevel.ERROR);
  }

  @Test
  void jsonLineInsideATracebackIsLoggedOnItsOwn() {
    interpreter.accept("Traceback (most recent call last):");
    interpreter.accept("{\"@level\":\"info\",\"@message\":\"other thread\"}");
    interpreter.accept("  File \"a.py\", line 1, in <module>");
    interpreter.accept("OSError: gone");

    assertThat(entries).extracting(PluginLogEntry::message)
        .containsExactly("other thread", "Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>"
            + "\nOSError: gone");
  }

  @Test
  void goPanicTurnsLaterUntaggedLinesIntoErrors() {
    List.of("before", "panic: runtime error: index out of range", "goroutine 1 [running]:", "main.main()",
        "[DEBUG] tagged stays debug").forEach(interpreter::accept);

    assertThat(entries).extracting(PluginLogEntry::level)
        .containsExactly(LogLevel.INFO, LogLevel.ERROR, LogLevel.ERROR, LogLevel.ERROR, LogLevel.DEBUG);
  }

  @Test
  void blankLinesAreDropped() {
    interpreter.accept("");
    interpreter.accept("   ");

    assertThat(entries).isEmpty();
  }
}
