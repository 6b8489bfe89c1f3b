package dev.pyplugins.sample;

import dev.pyplugins.protocol.v1.Hooks;
import dev.pyplugins.runtime.PluginEnvironment;
import dev.pyplugins.sample.hooks.HookDispatcher;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * The host's {@link HookDispatcher} over the runtime's {@link PluginEnvironment}. The API is built before the
 * environment (the environment serves it), so the environment is attached afterwards; until then no
 * plugin runs and hooks go nowhere.
 */
final class RuntimeHooks implements HookDispatcher {
  private volatile PluginEnvironment environment;

  void attach(PluginEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public void runMultiHook(String hookName, BiPredicate<String, Hooks> call) {
    PluginEnvironment plugins = environment;
    if (plugins != null) {
      plugins.runMultiHook(hookName, call);
    }
  }

  @Override
  public void broadcast(String hookName, BiConsumer<String, Hooks> call) {
    PluginEnvironment plugins = environment;
    if (plugins != null) {
      plugins.broadcast(hookName, call);
    }
  }

  @Override
  public Optional<Hooks> hooks(String pluginId) {
    PluginEnvironment plugins = environment;
    return plugins == null ? Optional.empty() : plugins.hooks(pluginId);
  }
}
