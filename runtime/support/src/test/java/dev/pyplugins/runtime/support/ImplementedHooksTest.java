package dev.pyplugins.runtime.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ImplementedHooksTest {

  @Test
  void thePluginIsAskedOnceAndItsAnswerKeptInOrderWithoutDuplicates() {
    AtomicInteger asked = new AtomicInteger();
    ImplementedHooks hooks = new ImplementedHooks(() -> {
      asked.incrementAndGet();
      return List.of("OnActivate", "ServeHTTP", "OnActivate");
    });

    assertThat(hooks.contains("ServeHTTP")).isTrue();
    assertThat(hooks.contains("MessageWillBePosted")).isFalse();
    assertThat(hooks.names()).containsExactly("OnActivate", "ServeHTTP");
    assertThat(asked).hasValue(1);
  }

  @Test
  void concurrentFirstUsesShareOneDiscovery() {
    AtomicInteger asked = new AtomicInteger();
    ImplementedHooks hooks = new ImplementedHooks(() -> {
      asked.incrementAndGet();
      return List.of("OnActivate");
    });

    CompletableFuture.allOf(IntStream.range(0, 8)
        .mapToObj(i -> CompletableFuture.runAsync(() -> hooks.contains("OnActivate")))
        .toArray(CompletableFuture[]::new)).join();

    assertThat(asked).hasValue(1);
  }

  @Test
  void aFailedDiscoveryIsNotCached() {
    AtomicInteger asked = new AtomicInteger();
    ImplementedHooks hooks = new ImplementedHooks(() -> {
      if (asked.incrementAndGet() == 1) {
        throw new IllegalStateException("plugin not ready");
      }
      return List.of("OnActivate");
    });

    assertThatThrownBy(() -> hooks.contains("OnActivate")).hasMessage("plugin not ready");
    assertThat(hooks.contains("OnActivate")).isTrue();
    assertThat(asked).hasValue(2);
  }
}
