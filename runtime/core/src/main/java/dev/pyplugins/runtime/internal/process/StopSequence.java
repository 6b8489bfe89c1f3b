package dev.pyplugins.runtime.internal.process;

import dev.pyplugins.runtime.FailureKind;
import dev.pyplugins.runtime.PluginException;
import dev.pyplugins.runtime.RuntimeOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The escalation of one stop: graceful steps, SIGTERM with its grace, SIGKILL, and the SIGKILL sweep that
 * always follows. Runs on the caller's thread; {@link PluginProcess} makes sure it runs once.
 */
final class StopSequence {
  private static final Logger LOG = LoggerFactory.getLogger(StopSequence.class);

  private final String pluginId;
  private final long pid;
  private final Process process;
  private final ProcessTree tree;
  private final RuntimeOptions options;

  /** @param process the plugin, or the shim whose exit means the plugin's whole tree is gone */
  StopSequence(String pluginId, long pid, Process process, ProcessTree tree, RuntimeOptions options) {
    this.pluginId = pluginId;
    this.pid = pid;
    this.process = process;
    this.tree = tree;
    this.options = options;
  }

  /**
   * Ends the process and everything in its tree.
   *
   * @param graceful false for a kill: no steps, no SIGTERM
   * @return the step that ended the process
   * @throws PluginException of kind {@link FailureKind#STOP_FAILED} when it survives SIGKILL
   */
  StopResult.Phase run(List<GracefulStep> steps, boolean graceful) {
    StopResult.Phase phase = StopResult.Phase.ALREADY_EXITED;
    if (process.isAlive()) {
      boolean politeOk = false;
      for (GracefulStep step : graceful ? steps : List.<GracefulStep>of()) {
        if (!process.isAlive()) {
          break;
        }
        politeOk |= runStep(step);
      }
      if (politeOk) {
        waitExit(options.shutdownExitWait());
      }
      if (!process.isAlive()) {
        phase = StopResult.Phase.GRACEFUL;
      } else if (graceful) {
        tree.signal(Signal.TERM);
        if (waitExit(options.sigtermGrace())) {
          phase = StopResult.Phase.TERMINATED;
        }
      }
      if (process.isAlive()) {
        if (graceful) {
          LOG.warn("plugin {}: pid {} failed to exit gracefully, sending SIGKILL", pluginId, pid);
        }
        phase = StopResult.Phase.KILLED;
      }
    }
    // Always sweep: descendants outlive a leader that exited (crash, or a clean exit leaving children).
    tree.signal(Signal.KILL);
    if (!waitExit(options.sigkillWait())) {
      throw new PluginException(FailureKind.STOP_FAILED, pluginId, "pid " + pid
          + " is still alive " + options.sigkillWait().toMillis() + " ms after SIGKILL");
    }
    return phase;
  }

  private boolean runStep(GracefulStep step) {
    CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
      try {
        step.action().run();
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    }, r -> {
      Thread t = new Thread(r, "pyplugins-" + pluginId + "-stop");
      t.setDaemon(true);
      t.start();
    });
    try {
      done.get(step.deadline().toMillis() + 1000, TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      LOG.warn("plugin {}: {} did not finish within {} ms", pluginId, step.name(), step.deadline().toMillis());
    } catch (ExecutionException e) {
      LOG.warn("plugin {}: {} failed: {}", pluginId, step.name(), e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  private boolean waitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }
}
