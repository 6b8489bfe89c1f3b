package dev.pyplugins.sample;

import dev.pyplugins.runtime.PluginEnvironment;
import dev.pyplugins.runtime.PluginFailure;
import dev.pyplugins.runtime.PluginStatus;
import dev.pyplugins.sample.rest.PluginAdmin;
import java.util.List;
import java.util.Optional;

/** The REST layer's view of the plugins, over the runtime's {@link PluginEnvironment}. */
final class RuntimeAdmin implements PluginAdmin {
  private final PluginEnvironment environment;

  RuntimeAdmin(PluginEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public List<PluginInfo> statuses() {
    return environment.statuses().stream().map(RuntimeAdmin::info).toList();
  }

  @Override
  public Optional<PluginInfo> restart(String pluginId) {
    if (environment.status(pluginId).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(info(environment.restart(pluginId)));
  }

  static PluginInfo info(PluginStatus status) {
    String problem = status.reason().orElse(status.lastFailure().map(PluginFailure::message).orElse(""));
    return new PluginInfo(status.pluginId(), status.state().name(), status.restarts(), problem);
  }
}
