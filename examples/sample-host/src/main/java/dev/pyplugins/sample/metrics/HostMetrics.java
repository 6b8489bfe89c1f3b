package dev.pyplugins.sample.metrics;

import dev.pyplugins.protocol.v1.HookName;
import dev.pyplugins.runtime.PluginCallListener;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Duration;

/**
 * The host's Prometheus metrics (prometheus-metrics-core), per plugin: hook calls, errors and latency
 * histograms per hook, API calls and errors per method, restarts. Fed by the runtime as its
 * {@link PluginCallListener}. Thread-safe.
 */
public final class HostMetrics implements PluginCallListener {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter hookCalls = Counter.builder().name("pyplugins_hook_calls_total")
      .help("Hook calls made to plugins").labelNames("plugin", "hook").register(registry);
  private final Counter hookErrors = Counter.builder().name("pyplugins_hook_errors_total")
      .help("Hook calls that failed (error, deadline, plugin gone)").labelNames("plugin", "hook").register(registry);
  private final Histogram hookLatency = Histogram.builder().name("pyplugins_hook_duration_seconds").unit(Unit.SECONDS)
      .help("Hook call latency as the host measured it").labelNames("plugin", "hook")
      .classicOnly().classicUpperBounds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
      .register(registry);
  private final Counter apiCalls = Counter.builder().name("pyplugins_api_calls_total")
      .help("Plugin API calls made by plugins").labelNames("plugin", "method").register(registry);
  private final Counter apiErrors = Counter.builder().name("pyplugins_api_errors_total")
      .help("Plugin API calls that failed (a gRPC status other than OK)").labelNames("plugin", "method").register(registry);
  private final Counter restarts = Counter.builder().name("pyplugins_plugin_restarts_total")
      .help("Automatic plugin restarts (crash, failed health checks)").labelNames("plugin").register(registry);

  public PrometheusRegistry registry() {
    return registry;
  }

  @Override
  public void hookCalled(String pluginId, HookName hook, Duration latency, boolean failed) {
    hookCalls.labelValues(pluginId, hook.rpcName()).inc();
    if (failed) {
      hookErrors.labelValues(pluginId, hook.rpcName()).inc();
    }
    hookLatency.labelValues(pluginId, hook.rpcName()).observe(latency.toNanos() / 1e9);
  }

  @Override
  public void apiCalled(String pluginId, String rpcName, Duration latency, boolean failed) {
    apiCalls.labelValues(pluginId, rpcName).inc();
    if (failed) {
      apiErrors.labelValues(pluginId, rpcName).inc();
    }
  }

  public void restarted(String pluginId) {
    restarts.labelValues(pluginId).inc();
  }
}
