package dev.pyplugins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** What a person reads when a plugin fails to start: the plugin's traceback once, and what happened. */
class FailureLogTest {
  @TempDir Path plugins;

  @Test
  void aPluginsTracebackIsLoggedOncePerAttemptAndTheFailureNamesWhatHappened() throws Exception {
    copyFixture("raises-at-import");
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    RuntimeOptions options = RuntimeOptions.builder().crashLoopMaxFailures(1).build();
    try (PluginEnvironment environment = PluginEnvironment.builder().pluginsDirectory(plugins).options(options)
        .build()) {
      PluginStatus status = environment.loadAll().get(0);

      List<String> mentions = logs.list.stream().map(ILoggingEvent::getFormattedMessage)
          .filter(m -> m.contains("RuntimeError: boom at import")).toList();
      System.out.printf("failed start: %d log event(s) carry the traceback; the failure reads: %s%n",
          mentions.size(), status.lastFailure().orElseThrow().message());
      assertThat(status.state()).isEqualTo(PluginState.FAILED);
      assertThat(mentions).as("log events carrying the traceback").hasSize(1);
      assertThat(mentions.get(0)).startsWith("Traceback (most recent call last):");
      assertThat(status.lastFailure()).hasValueSatisfying(f -> {
        assertThat(f.kind()).isEqualTo(FailureKind.EXITED_BEFORE_HANDSHAKE);
        assertThat(f.message()).contains("exit status 1").doesNotContain("boom at import");
        assertThat(f.stderrTail()).contains("RuntimeError: boom at import");
      });
    } finally {
      root.detachAppender(logs);
    }
  }

  private void copyFixture(String name) throws IOException, URISyntaxException {
    Path source = Path.of(Objects.requireNonNull(getClass().getResource("/fixtures/" + name)).toURI());
    Path target = Files.createDirectories(plugins.resolve(name));
    for (String file : List.of("plugin.json", "plugin.py")) {
      Files.copy(source.resolve(file), target.resolve(file));
    }
  }
}
