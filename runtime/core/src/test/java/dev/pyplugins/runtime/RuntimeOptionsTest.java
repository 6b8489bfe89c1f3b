package dev.pyplugins.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyplugins.protocol.v1.HookName;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RuntimeOptionsTest {
  @Test
  void defaultsAreTheDocumentedOnes() {
    RuntimeOptions o = RuntimeOptions.defaults();

    assertThat(o.handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(o.pingFailLimit()).isEqualTo(3);
    assertThat(o.crashLoopMaxFailures()).isEqualTo(3);
    assertThat(o.crashLoopWindow()).isEqualTo(Duration.ofMinutes(60));
    assertThat(o.deactivateTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(o.logLineLimit()).isEqualTo(65536);
    assertThat(o.socketBaseDir()).isEqualTo(Path.of("/tmp"));
    assertThat(o.autoMtls()).isTrue();
    assertThat(o.hookTimeout(HookName.SERVE_HTTP)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void perHookDeadlineOverridesTheDefault() {
    RuntimeOptions o = RuntimeOptions.builder().hookTimeout(HookName.SERVE_HTTP, Duration.ofMinutes(5)).build();

    assertThat(o.hookTimeout(HookName.SERVE_HTTP)).isEqualTo(Duration.ofMinutes(5));
    assertThat(o.hookTimeout(HookName.ON_ACTIVATE)).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.toBuilder().build().hookTimeouts()).isEqualTo(o.hookTimeouts());
  }

  @Test
  void valuesOutsideTheirLimitsAreRejectedNamingTheOption() {
    assertThatThrownBy(() -> RuntimeOptions.builder().handshakeTimeout(Duration.ZERO).build())
        .hasMessageStartingWith("handshakeTimeout must be within");
    assertThatThrownBy(() -> RuntimeOptions.builder().pingFailLimit(0).build())
        .hasMessage("pingFailLimit must be within [1, 100], was 0");
    assertThatThrownBy(() -> RuntimeOptions.builder().restartJitter(1.5).build())
        .hasMessage("restartJitter must be within [0, 1], was 1.5");
    assertThatThrownBy(() -> RuntimeOptions.builder().restartInitialDelay(Duration.ofMinutes(5)).build())
        .hasMessageStartingWith("restartInitialDelay must be within [PT0S, PT30S]");
    assertThatThrownBy(() -> RuntimeOptions.builder().socketBaseDir(Path.of("relative")).build())
        .hasMessage("socketBaseDir must be an absolute path, was relative");
    assertThatThrownBy(() -> RuntimeOptions.builder().socketBaseDir(Path.of("/" + "d".repeat(70))).build())
        .hasMessageContaining("so socket paths fit in sun_path");
    assertThatThrownBy(() -> RuntimeOptions.builder().pluginLogLevel("verbose").build())
        .hasMessageStartingWith("pluginLogLevel must be one of");
  }

  @Test
  void everyOptionSurvivesTheTripThroughItsBuilder() {
    RuntimeOptions changed = RuntimeOptions.builder().handshakeTimeout(Duration.ofSeconds(3)).pingFailLimit(7)
        .restartJitter(0.5).socketBaseDir(Path.of("/var/tmp")).autoMtls(true).pythonCommand("python3.11")
        .hookTimeout(HookName.SERVE_HTTP, Duration.ofMinutes(2)).build();

    assertThat(changed.toBuilder().build()).isEqualTo(changed);
    assertThat(changed.toBuilder().hookTimeout(HookName.ON_ACTIVATE, Duration.ofSeconds(1)).build().hookTimeouts())
        .containsOnlyKeys(HookName.SERVE_HTTP, HookName.ON_ACTIVATE);
    assertThat(changed.hookTimeouts()).as("the first options are not changed by a later builder")
        .containsOnlyKeys(HookName.SERVE_HTTP);
  }
}
