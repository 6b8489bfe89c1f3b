package dev.pyplugins.runtime.support;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The hooks a plugin implements, asked once through its {@code Implemented} hook and then cached for the
 * life of the connection. Thread-safe: concurrent first uses wait for one discovery. A failed discovery
 * (its exception propagates) is not cached, so the next use asks again.
 */
public final class ImplementedHooks {

  private final Supplier<? extends Collection<String>> discovery;
  private volatile Answer answer;

  /** @param discovery asks the plugin; called at most once successfully */
  public ImplementedHooks(Supplier<? extends Collection<String>> discovery) {
    this.discovery = Objects.requireNonNull(discovery, "discovery");
  }

  /** True when the plugin listed the hook (by its RPC name). */
  public boolean contains(String hookName) {
    return answer().set().contains(hookName);
  }

  /** The hook names the plugin listed, in its order, without duplicates. */
  public List<String> names() {
    return answer().list();
  }

  private Answer answer() {
    Answer known = answer;
    if (known == null) {
      synchronized (this) {
        known = answer;
        if (known == null) {
          Set<String> unique = new LinkedHashSet<>(
              Objects.requireNonNull(discovery.get(), "the plugin's Implemented answer"));
          known = new Answer(List.copyOf(unique), Set.copyOf(unique));
          answer = known;
        }
      }
    }
    return known;
  }

  private record Answer(List<String> list, Set<String> set) {}
}
