package dev.pyplugins.runtime.internal.supervision;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread on which all of a plugin's supervision happens, one task at a time, so starts, crashes,
 * health verdicts and stops never race. Other threads {@link #post} work to it or {@link #call} and wait; a
 * task that is already on it runs at once. Thread-safe.
 */
final class SupervisorThread {
  private static final Logger LOG = LoggerFactory.getLogger(SupervisorThread.class);

  private final String pluginId;
  private final ExecutorService executor;
  private volatile Thread thread;

  SupervisorThread(String pluginId) {
    this.pluginId = pluginId;
    this.executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "pyplugins-supervisor-" + pluginId);
      t.setDaemon(true);
      thread = t;
      return t;
    });
  }

  /** Queues {@code work}; an exception it throws is logged. After {@link #shutdown()} the work is dropped. */
  void post(Runnable work) {
    try {
      executor.execute(() -> {
        try {
          work.run();
        } catch (RuntimeException e) {
          LOG.error("plugin {}: supervisor error", pluginId, e);
        }
      });
    } catch (RejectedExecutionException e) {
      // the supervisor was closed; nothing more to do for this plugin
    }
  }

  /** Runs {@code work} on the thread and returns its result, rethrowing its runtime exception. */
  <T> T call(Callable<T> work) {
    if (Thread.currentThread() == thread) {
      try {
        return work.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    try {
      return executor.submit(work).get();
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("the supervisor of plugin " + pluginId + " is closed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the supervisor of plugin " + pluginId, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  /** Ends the thread once the queued work is done. */
  void shutdown() {
    executor.shutdown();
  }
}
