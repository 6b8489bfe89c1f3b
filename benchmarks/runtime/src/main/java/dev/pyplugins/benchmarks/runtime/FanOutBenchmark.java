package dev.pyplugins.benchmarks.runtime;

import dev.pyplugins.protocol.v1.HookName;
import dev.pyplugins.protocol.v1.Hooks;
import dev.pyplugins.protocol.v1.MessageWillBePostedResponse;
import dev.pyplugins.protocol.v1.PluginContext;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.runtime.PluginEnvironment;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * Hook fan-out: {@code runMultiHook} of MessageWillBePosted (one plugin after the other, each returning
 * the post) and {@code broadcast} of MessageHasBeenPosted (all at once) over many plugins, beside the same
 * calls on an environment with one plugin. No floor: the figure shows what each extra plugin costs.
 */
final class FanOutBenchmark {
  private final Settings settings;
  private final PluginEnvironment many;
  private final PluginEnvironment one;
  private final AtomicLong calls = new AtomicLong();
  private final BiPredicate<String, Hooks> willBePosted;
  private final BiConsumer<String, Hooks> hasBeenPosted;

  FanOutBenchmark(Settings settings, PluginEnvironment many, PluginEnvironment one) {
    this.settings = settings;
    this.many = many;
    this.one = one;
    PluginContext context = Payloads.pluginContext();
    Post post = Payloads.post();
    this.willBePosted = (id, hooks) -> {
      MessageWillBePostedResponse answer = hooks.messageWillBePosted(context, post);
      if (answer.hasPost()) {
        calls.incrementAndGet();
      }
      return true;
    };
    this.hasBeenPosted = (id, hooks) -> {
      hooks.messageHasBeenPosted(context, post);
      calls.incrementAndGet();
    };
  }

  void run(ResultTable table) throws Exception {
    int n = settings.fanOutPlugins();
    Measure.Call multiMany = counted(n, () -> many.runMultiHook(HookName.MESSAGE_WILL_BE_POSTED, willBePosted));
    Measure.Call multiOne = counted(1, () -> one.runMultiHook(HookName.MESSAGE_WILL_BE_POSTED, willBePosted));
    Measure.Call broadcastMany = counted(n, () -> many.broadcast(HookName.MESSAGE_HAS_BEEN_POSTED, hasBeenPosted));
    Measure.Call broadcastOne = counted(1, () -> one.broadcast(HookName.MESSAGE_HAS_BEEN_POSTED, hasBeenPosted));
    int warmup = Math.max(1, settings.warmup() / n);
    for (Measure.Call c : List.of(multiMany, multiOne, broadcastMany, broadcastOne)) {
      Measure.repeat(warmup, c);
    }
    Measure.Pair<Latency> multi = Measure.interleaved(settings.runs(), settings.fanOutCalls(), multiMany, multiOne,
        null, null);
    Measure.Pair<Latency> broadcast = Measure.interleaved(settings.runs(), settings.fanOutCalls(), broadcastMany,
        broadcastOne, null, null);
    Latency mm = Latency.median(multi.ours());
    Latency m1 = Latency.median(multi.floor());
    Latency bm = Latency.median(broadcast.ours());
    Latency b1 = Latency.median(broadcast.floor());
    String vs = n + " plugins vs 1";
    table.add(Row.compared("runMultiHook MessageWillBePosted, " + vs + ", p50", "µs", mm.p50(), m1.p50(), null));
    table.add(Row.compared("runMultiHook MessageWillBePosted, " + vs + ", p99", "µs", mm.p99(), m1.p99(), null));
    table.add(Row.compared("broadcast MessageHasBeenPosted, " + vs + ", p50", "µs", bm.p50(), b1.p50(), null));
    table.add(Row.compared("broadcast MessageHasBeenPosted, " + vs + ", p99", "µs", bm.p99(), b1.p99(), null));
  }

  /** The call, checked to have reached {@code plugins} plugins each time (none skipped or failed open). */
  private Measure.Call counted(int plugins, Measure.Call call) {
    return () -> {
      long before = calls.get();
      call.run();
      long reached = calls.get() - before;
      if (reached != plugins) {
        throw new IllegalStateException("the fan-out reached " + reached + " plugins, not " + plugins);
      }
    };
  }
}
