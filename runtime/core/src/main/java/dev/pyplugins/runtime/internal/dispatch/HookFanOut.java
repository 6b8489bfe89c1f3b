package dev.pyplugins.runtime.internal.dispatch;

import dev.pyplugins.protocol.v1.HookName;
import dev.pyplugins.protocol.v1.Hooks;
import dev.pyplugins.protocol.v1.HooksClient;
import dev.pyplugins.runtime.RuntimeOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one hook across several plugins so that none can hold up or break the others beyond the hook's
 * deadline ({@link RuntimeOptions#hookTimeout(HookName)}). Each plugin's call runs on a worker thread and is
 * waited for at most the deadline plus {@value #GRACE_MILLIS} ms; one that overruns is interrupted (which
 * cancels its RPC) and skipped, one that throws is logged and skipped. Thread-safe; {@link #close()} ends
 * the worker threads.
 */
public final class HookFanOut implements AutoCloseable {
  /** Margin over the RPC deadline for the caller's own code around the call. */
  static final long GRACE_MILLIS = 250;
  private static final Logger LOG = LoggerFactory.getLogger(HookFanOut.class);

  private final RuntimeOptions options;
  private final ExecutorService workers;

  public HookFanOut(RuntimeOptions options) {
    this.options = options;
    AtomicInteger n = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "pyplugins-hooks-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Mattermost's RunMultiPluginHook: calls {@code call} on each plugin that implements {@code hook}, one
   * after the other in the given order, until one returns false.
   *
   * @param plugins plugin id to hooks client, in calling order
   */
  public void runMulti(HookName hook, Map<String, HooksClient> plugins, BiPredicate<String, Hooks> call) {
    Duration budget = budget(hook);
    for (Map.Entry<String, HooksClient> plugin : plugins.entrySet()) {
      if (!implementsHook(plugin.getKey(), plugin.getValue(), hook)) {
        continue;
      }
      Future<Boolean> result = workers.submit(() -> call.test(plugin.getKey(), plugin.getValue()));
      Boolean goOn = await(hook, plugin.getKey(), result, System.nanoTime() + budget.toNanos(), budget);
      if (Boolean.FALSE.equals(goOn) || Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }

  /**
   * Calls {@code call} on every plugin that implements {@code hook}, all at once; returns when each has
   * answered or reached its deadline.
   */
  public void broadcast(HookName hook, Map<String, HooksClient> plugins, BiConsumer<String, Hooks> call) {
    Duration budget = budget(hook);
    long deadline = System.nanoTime() + budget.toNanos();
    List<Map.Entry<String, Future<Boolean>>> calls = new ArrayList<>();
    for (Map.Entry<String, HooksClient> plugin : plugins.entrySet()) {
      if (implementsHook(plugin.getKey(), plugin.getValue(), hook)) {
        calls.add(Map.entry(plugin.getKey(), workers.submit(() -> {
          call.accept(plugin.getKey(), plugin.getValue());
          return true;
        })));
      }
    }
    for (Map.Entry<String, Future<Boolean>> c : calls) {
      await(hook, c.getKey(), c.getValue(), deadline, budget);
    }
  }

  private Duration budget(HookName hook) {
    return options.hookTimeout(hook).plusMillis(GRACE_MILLIS);
  }

  private static boolean implementsHook(String pluginId, HooksClient hooks, HookName hook) {
    try {
      return hooks.isImplemented(hook);
    } catch (RuntimeException e) {
      LOG.warn("plugin {}: cannot tell whether it implements {}; skipped: {}", pluginId, hook, e.toString());
      return false;
    }
  }

  /** The call's result, or null when it failed or overran (logged). */
  private static Boolean await(HookName hook, String pluginId, Future<Boolean> result, long deadlineNanos,
      Duration budget) {
    try {
      return result.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      LOG.warn("plugin {}: hook {} did not finish within {} ms; skipped", pluginId, hook, budget.toMillis());
    } catch (ExecutionException e) {
      LOG.warn("plugin {}: hook {} failed; skipped: {}", pluginId, hook, e.getCause().toString());
    } catch (InterruptedException e) {
      result.cancel(true);
      Thread.currentThread().interrupt();
    }
    return null;
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
