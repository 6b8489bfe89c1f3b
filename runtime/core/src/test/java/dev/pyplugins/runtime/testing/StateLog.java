package dev.pyplugins.runtime.testing;

import dev.pyplugins.runtime.PluginStateListener;
import dev.pyplugins.runtime.PluginState;
import dev.pyplugins.runtime.PluginStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Records every state change with the moment it was seen, for timing assertions. Thread-safe. */
public final class StateLog implements PluginStateListener {
  /** One change: the status and {@link System#nanoTime()} when the listener got it. */
  public record Change(long nanos, PluginStatus status) {
    public PluginState state() {
      return status.state();
    }
  }

  private final List<Change> changes = new CopyOnWriteArrayList<>();

  @Override
  public void stateChanged(PluginStatus status) {
    changes.add(new Change(System.nanoTime(), status));
  }

  public List<Change> changes() {
    return List.copyOf(changes);
  }

  /** The first change of {@code pluginId} after {@code afterNanos} matching {@code test}, waiting for it. */
  public Optional<Change> await(String pluginId, long afterNanos, Predicate<PluginStatus> test, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (Change c : changes) {
        if (c.nanos() >= afterNanos && c.status().pluginId().equals(pluginId) && test.test(c.status())) {
          return Optional.of(c);
        }
      }
      if (System.nanoTime() > deadline) {
        return Optional.empty();
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  /** Like {@link #await(String, long, Predicate, Duration)} for a state. */
  public Change awaitState(String pluginId, long afterNanos, PluginState state, Duration timeout) {
    return await(pluginId, afterNanos, s -> s.state() == state, timeout).orElseThrow(() -> new AssertionError(
        "plugin " + pluginId + " did not reach " + state + " within " + timeout + "; changes: " + changes));
  }

  public static long millisBetween(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1_000_000;
  }
}
