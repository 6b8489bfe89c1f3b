package dev.pyplugins.runtime.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.protocol.v1.HookName;
import dev.pyplugins.runtime.HookMetrics;
import dev.pyplugins.runtime.PluginCallListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallRecorderTest {
  private final List<String> told = new ArrayList<>();
  private final CallRecorder recorder = new CallRecorder(new PluginCallListener() {
    @Override
    public void hookCalled(String pluginId, HookName hook, Duration latency, boolean failed) {
      told.add("hook " + pluginId + " " + hook + " " + latency.toMillis() + " ms" + (failed ? " failed" : ""));
    }

    @Override
    public void apiCalled(String pluginId, String rpcName, Duration latency, boolean failed) {
      told.add("api " + pluginId + " " + rpcName + " " + latency.toMillis() + " ms" + (failed ? " failed" : ""));
    }
  });

  @Test
  void countsCallsAndErrorsAndTakesPercentilesPerHookOverAllPlugins() {
    for (int ms = 1; ms <= 100; ms++) {
      recorder.hookCalled(ms % 2 == 0 ? "a" : "b", "MessageWillBePosted", millis(ms), ms % 10 == 0);
    }
    recorder.hookCalled("a", "OnActivate", millis(7), false);

    HookMetrics.HookStats posted = recorder.hook(HookName.MESSAGE_WILL_BE_POSTED).orElseThrow();
    assertThat(posted.calls()).isEqualTo(100);
    assertThat(posted.errors()).isEqualTo(10);
    assertThat(posted.p50()).isEqualTo(Duration.ofMillis(50));
    assertThat(posted.p99()).isEqualTo(Duration.ofMillis(99));
    assertThat(recorder.byHook()).containsOnlyKeys(HookName.MESSAGE_WILL_BE_POSTED, HookName.ON_ACTIVATE);
    assertThat(recorder.hook(HookName.SERVE_HTTP)).isEmpty();
  }

  @Test
  void keepsEachPluginsFiguresApart() {
    recorder.hookCalled("a", "MessageWillBePosted", millis(10), false);
    recorder.hookCalled("a", "MessageWillBePosted", millis(20), true);
    recorder.hookCalled("b", "MessageWillBePosted", millis(300), false);

    assertThat(recorder.ofPlugin("a").get(HookName.MESSAGE_WILL_BE_POSTED)).satisfies(stats -> {
      assertThat(stats.calls()).isEqualTo(2);
      assertThat(stats.errors()).isEqualTo(1);
      assertThat(stats.p99()).isEqualTo(Duration.ofMillis(20));
    });
    assertThat(recorder.ofPlugin("b").get(HookName.MESSAGE_WILL_BE_POSTED).p50()).isEqualTo(Duration.ofMillis(300));
    assertThat(recorder.ofPlugin("never-called")).isEmpty();
  }

  @Test
  void percentilesCoverOnlyTheLastWindowOfCalls() {
    for (int i = 0; i < HookMetrics.WINDOW; i++) {
      recorder.hookCalled("a", "OnActivate", millis(10_000), false);
    }
    for (int i = 0; i < HookMetrics.WINDOW; i++) {
      recorder.hookCalled("a", "OnActivate", millis(1), false);
    }
    HookMetrics.HookStats stats = recorder.hook(HookName.ON_ACTIVATE).orElseThrow();
    assertThat(stats.calls()).isEqualTo(2L * HookMetrics.WINDOW);
    assertThat(stats.p99()).isEqualTo(Duration.ofMillis(1));
  }

  @Test
  void theHostsListenerHearsEveryHookAndApiCallButNotTheDiscoveryRpc() {
    recorder.hookCalled("a", "Implemented", millis(1), false);
    recorder.hookCalled("a", "ServeHTTP", millis(12), true);
    recorder.apiCalled("a", "CreatePost", millis(3), false);

    assertThat(told).containsExactly("hook a ServeHTTP 12 ms failed", "api a CreatePost 3 ms");
    assertThat(recorder.byHook()).containsOnlyKeys(HookName.SERVE_HTTP);
  }

  @Test
  void aListenerThatThrowsCostsNothingButALogLine() {
    CallRecorder throwing = new CallRecorder(new PluginCallListener() {
      @Override
      public void hookCalled(String pluginId, HookName hook, Duration latency, boolean failed) {
        throw new IllegalStateException("broken listener");
      }
    });

    throwing.hookCalled("a", "OnActivate", millis(1), false);

    assertThat(throwing.hook(HookName.ON_ACTIVATE).orElseThrow().calls()).isEqualTo(1);
  }

  private static long millis(long ms) {
    return Duration.ofMillis(ms).toNanos();
  }
}
