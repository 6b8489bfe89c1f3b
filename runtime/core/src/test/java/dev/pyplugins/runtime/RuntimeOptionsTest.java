package dev.pyplugins.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyplugins.protocol.v1.HookName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
    assertThat(o.inheritedEnvironment()).isEmpty();
    assertThat(o.pluginEnvironment()).isEmpty();
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
  void pluginEnvironmentNamesAreCheckedAndTheLaunchersOwnAreRefused() {
    assertThatThrownBy(() -> RuntimeOptions.builder().pluginEnvironment(Map.of("1BAD", "x")).build())
        .hasMessage("pluginEnvironment: '1BAD' is not a variable name (letters, digits and _, not starting with a"
            + " digit)");
    assertThatThrownBy(() -> RuntimeOptions.builder().inheritedEnvironment(Set.of("A=B")).build())
        .hasMessageStartingWith("inheritedEnvironment: 'A=B' is not a variable name");
    assertThatThrownBy(() -> RuntimeOptions.builder().pluginEnvironment(Map.of("MATTERMOST_PLUGIN_API_TOKEN", "t"))
        .build())
        .hasMessage("pluginEnvironment: MATTERMOST_PLUGIN_API_TOKEN is set by the launcher (MATTERMOST_PLUGIN*,"
            + " PLUGIN_*) and cannot be given");
    assertThatThrownBy(() -> RuntimeOptions.builder().inheritedEnvironment(Set.of("PLUGIN_UNIX_SOCKET_DIR")).build())
        .hasMessageContaining("PLUGIN_UNIX_SOCKET_DIR is set by the launcher");
    assertThatThrownBy(() -> RuntimeOptions.builder().pluginEnvironment(Map.of("OK", "a\0b")).build())
        .hasMessage("pluginEnvironment: the value of OK must be set and contain no NUL");
    Map<String, String> withNull = new HashMap<>();
    withNull.put("OK", null);
    assertThatThrownBy(() -> RuntimeOptions.builder().pluginEnvironment(withNull).build())
        .hasMessage("pluginEnvironment: the value of OK must be set and contain no NUL");
    assertThat(RuntimeOptions.builder().pluginEnvironment(Map.of("HTTP_PROXY", "http://p:3128"))
        .inheritedEnvironment(Set.of("no_proxy")).build().pluginEnvironment()).containsEntry("HTTP_PROXY",
            "http://p:3128");
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
