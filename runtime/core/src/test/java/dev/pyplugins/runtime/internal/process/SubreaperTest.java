package dev.pyplugins.runtime.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyplugins.runtime.FailureKind;
import dev.pyplugins.runtime.PluginException;
import dev.pyplugins.runtime.RuntimeOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubreaperTest {
  @TempDir Path dir;

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void thePidLineIsReadUpToItsNewlineAndNoFurther() throws IOException {
    InputStream out = text("pyplugins-subreaper 4242\n1|1|unix|/tmp/p.sock|grpc|\n");

    assertThat(Subreaper.readPluginPid(out)).isEqualTo(4242);
    assertThat(new String(out.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("1|1|unix|/tmp/p.sock|grpc|\n");
  }

  @Test
  void aMissingOrMalformedPidLineIsAClearError() {
    assertThatThrownBy(() -> Subreaper.readPluginPid(text("")))
        .hasMessage("the subreaper shim did not report the plugin's pid (read '')");
    assertThatThrownBy(() -> Subreaper.readPluginPid(text("1|1|unix|/tmp/p.sock|grpc|\n")))
        .hasMessage("the subreaper shim did not report the plugin's pid (read '1|1|unix|/tmp/p.sock|grpc|')");
    assertThatThrownBy(() -> Subreaper.readPluginPid(text("pyplugins-subreaper x1\n")))
        .hasMessage("the subreaper shim reported a bad pid: 'pyplugins-subreaper x1'");
  }

  @Test
  void aMissingExecutableUnderTheShimIsStillASpawnFailure() {
    LaunchSpec spec = new LaunchSpec("p", List.of(dir.resolve("no-such-binary").toString()), dir, Map.of());

    assertThatThrownBy(() -> PluginProcess.start(spec, RuntimeOptions.defaults(), ProcessGroups.detect(),
        Subreaper.detect(), null, pid -> entry -> { }))
        .isInstanceOfSatisfying(PluginException.class, e -> {
          assertThat(e.kind()).isEqualTo(FailureKind.SPAWN_FAILED);
          assertThat(e.getMessage()).contains("no-such-binary").contains("not an executable file");
        });
  }
}
