package dev.pyplugins.sample.hooks;

import dev.pyplugins.protocol.v1.Hooks;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * What the host needs from the plugin runtime to fire hooks; the runtime's {@code PluginEnvironment} offers
 * exactly these three methods. The {@code String} given to each callback is the plugin id.
 */
public interface HookDispatcher {

  /**
   * Calls {@code call} on each active plugin implementing {@code hookName}, one after the other in plugin
   * id order, until it returns false (Mattermost's RunMultiPluginHook). A failing plugin is skipped.
   */
  void runMultiHook(String hookName, BiPredicate<String, Hooks> call);

  /** Calls {@code call} on every active plugin implementing {@code hookName}; returns when all are done. */
  void broadcast(String hookName, BiConsumer<String, Hooks> call);

  /** The hooks of one active plugin. */
  Optional<Hooks> hooks(String pluginId);

  /** A dispatcher with no plugins: hooks fire into the void (a host without a runtime, unit tests). */
  static HookDispatcher none() {
    return new HookDispatcher() {
      @Override
      public void runMultiHook(String hookName, BiPredicate<String, Hooks> call) {
      }

      @Override
      public void broadcast(String hookName, BiConsumer<String, Hooks> call) {
      }

      @Override
      public Optional<Hooks> hooks(String pluginId) {
        return Optional.empty();
      }
    };
  }
}
