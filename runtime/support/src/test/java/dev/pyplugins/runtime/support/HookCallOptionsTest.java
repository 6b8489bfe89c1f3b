package dev.pyplugins.runtime.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class HookCallOptionsTest {

  @Test
  void unaryHooksGetThirtySecondsAndStreamingHooksNoDeadlineByDefault() {
    HookCallOptions options = HookCallOptions.defaults();

    assertThat(options.deadline("MessageWillBePosted", false)).contains(Duration.ofSeconds(30));
    assertThat(options.deadline("ServeHTTP", true)).isEmpty();
    assertThat(options.bodyExecutor()).isSameAs(BodyStreamExecutor.shared());
  }

  @Test
  void perHookOverridesWinOverTheDefaultsAndLeaveOtherHooksAlone() {
    HookCallOptions options = HookCallOptions.defaults()
        .withDefaultDeadline(Duration.ofSeconds(5))
        .withDeadline("ServeHTTP", Duration.ofMinutes(2))
        .withoutDeadline("OnDeactivate");

    assertThat(options.deadline("ServeHTTP", true)).contains(Duration.ofMinutes(2));
    assertThat(options.deadline("OnDeactivate", false)).isEmpty();
    assertThat(options.deadline("OnActivate", false)).contains(Duration.ofSeconds(5));
    assertThat(HookCallOptions.defaults().deadline("OnDeactivate", false)).contains(Duration.ofSeconds(30));
  }

  @Test
  void aBodyExecutorCanBeSupplied() {
    Executor direct = Runnable::run;

    assertThat(HookCallOptions.defaults().withBodyExecutor(direct).bodyExecutor()).isSameAs(direct);
  }

  @Test
  void deadlinesMustBePositive() {
    assertThatThrownBy(() -> HookCallOptions.defaults().withDefaultDeadline(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    assertThatThrownBy(() -> HookCallOptions.defaults().withDeadline("OnActivate", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
  }
}
