package dev.pyplugins.runtime;

import dev.pyplugins.protocol.v1.HookName;
import dev.pyplugins.protocol.v1.Hooks;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * Fires hooks on the running plugins: what host code needs where something happens (a post is made, a user
 * logs in). {@link PluginEnvironment} implements it; a host's unit tests can give their code a fake, or
 * {@link #none()}. The {@code String} each callback gets is the plugin id. A hook goes only to plugins that
 * implement it, each call bounded by the hook's deadline ({@link RuntimeOptions#hookTimeout(HookName)}); a
 * failing or hung plugin is logged and skipped, never thrown to the caller.
 */
public interface HookDispatcher {

  /**
   * Mattermost's RunMultiPluginHook: calls {@code call} on each running plugin implementing {@code hook}, one
   * after the other in plugin id order, until it returns false.
   */
  void runMultiHook(HookName hook, BiPredicate<String, Hooks> call);

  /** Calls {@code call} on every running plugin implementing {@code hook}, in parallel; returns when all are done. */
  void broadcast(HookName hook, BiConsumer<String, Hooks> call);

  /** The hooks of one running plugin; ask again after a restart rather than keep it. */
  Optional<Hooks> hooks(String pluginId);

  /** A dispatcher without plugins: hooks go nowhere (a host without a runtime, unit tests). */
  static HookDispatcher none() {
    return new HookDispatcher() {
      @Override
      public void runMultiHook(HookName hook, BiPredicate<String, Hooks> call) {}

      @Override
      public void broadcast(HookName hook, BiConsumer<String, Hooks> call) {}

      @Override
      public Optional<Hooks> hooks(String pluginId) {
        return Optional.empty();
      }
    };
  }
}
