package dev.pyplugins.runtime.internal.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.protocol.v1.HookName;
import dev.pyplugins.runtime.RuntimeOptions;
import dev.pyplugins.runtime.support.HookCallOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PluginStarterTest {
  @Test
  void hookDeadlinesComeFromTheRuntimeOptions() {
    HookCallOptions calls = PluginStarter.hookCallOptions(RuntimeOptions.builder()
        .hookTimeout(Duration.ofSeconds(5))
        .hookTimeout(HookName.MESSAGE_WILL_BE_POSTED, Duration.ofMillis(300))
        .activateTimeout(Duration.ofSeconds(40))
        .deactivateTimeout(Duration.ofSeconds(7))
        .build());

    assertThat(calls.deadline("UserHasLoggedIn", false)).contains(Duration.ofSeconds(5));
    assertThat(calls.deadline("MessageWillBePosted", false)).contains(Duration.ofMillis(300));
    assertThat(calls.deadline("OnActivate", false)).contains(Duration.ofSeconds(40));
    assertThat(calls.deadline("OnDeactivate", false)).contains(Duration.ofSeconds(7));
    assertThat(calls.deadline("ServeHTTP", true)).as("streams last as long as their bodies").isEmpty();
  }
}
