package dev.pyplugins.runtime.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class Slf4jLogSinkTest {
  private final Logger logger = (Logger) LoggerFactory.getLogger("dev.pyplugins.plugin.com.example.sink");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @BeforeEach
  void attach() {
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.TRACE);
  }

  @AfterEach
  void detach() {
    logger.detachAppender(appender);
    logger.setLevel(null);
  }

  @Test
  void eventCarriesPluginIdPidSourceLevelAndFields() {
    new Slf4jLogSink("com.example.sink", 4242).log(new PluginLogEntry(LogLevel.WARN, "slow", "hooks",
        "2026-11-22T10:00:00.123456Z", Map.of("hook", "OnActivate"), "stderr"));

    assertThat(appender.list).singleElement().satisfies(e -> {
      assertThat(e.getLevel()).isEqualTo(Level.WARN);
      assertThat(e.getFormattedMessage()).isEqualTo("slow");
      assertThat(e.getMDCPropertyMap()).containsEntry("plugin_id", "com.example.sink")
          .containsEntry("plugin_pid", "4242").containsEntry("plugin_source", "stderr");
      assertThat(e.getKeyValuePairs()).extracting(kv -> kv.key + "=" + kv.value)
          .containsExactly("module=hooks", "plugin_timestamp=2026-11-22T10:00:00.123456Z", "hook=OnActivate");
    });
    assertThat(MDC.get("plugin_id")).isNull();
  }

  @Test
  void disabledLevelsAreSkipped() {
    logger.setLevel(Level.INFO);

    new Slf4jLogSink("com.example.sink", 1).log(PluginLogEntry.plain(LogLevel.DEBUG, "noise", "stdout"));

    assertThat(appender.list).isEmpty();
  }
}
