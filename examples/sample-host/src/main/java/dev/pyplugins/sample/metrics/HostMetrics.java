package dev.pyplugins.sample.metrics;

import dev.pyplugins.sample.rest.PluginAdmin;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host's Prometheus metrics (prometheus-metrics-core), per plugin: hook calls, errors and latency
 * histograms per hook, API calls and errors per method, restarts. Also keeps each plugin's recent hook
 * latencies for the console's p50/p99 ({@link LatencyWindow}). Thread-safe.
 */
public final class HostMetrics {
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
      .help("Plugin API calls that answered an error").labelNames("plugin", "method").register(registry);
  private final Counter restarts = Counter.builder().name("pyplugins_plugin_restarts_total")
      .help("Automatic plugin restarts (crash, failed health checks)").labelNames("plugin").register(registry);
  private final Map<String, Map<String, LatencyWindow>> windows = new ConcurrentHashMap<>();

  public PrometheusRegistry registry() {
    return registry;
  }

  public void hookCall(String pluginId, String hook, Duration latency, boolean failed) {
    hookCalls.labelValues(pluginId, hook).inc();
    if (failed) {
      hookErrors.labelValues(pluginId, hook).inc();
    }
    hookLatency.labelValues(pluginId, hook).observe(latency.toNanos() / 1e9);
    windows.computeIfAbsent(pluginId, id -> new ConcurrentHashMap<>())
        .computeIfAbsent(hook, h -> new LatencyWindow()).record(latency, failed);
  }

  public void apiCall(String pluginId, String method, boolean failed) {
    apiCalls.labelValues(pluginId, method).inc();
    if (failed) {
      apiErrors.labelValues(pluginId, method).inc();
    }
  }

  public void restarted(String pluginId) {
    restarts.labelValues(pluginId).inc();
  }

  /** The plugin's hooks with their counts and p50/p99 over the last {@value LatencyWindow#SIZE} calls, by name. */
  public List<PluginAdmin.HookStat> hookStats(String pluginId) {
    List<PluginAdmin.HookStat> stats = new ArrayList<>();
    windows.getOrDefault(pluginId, Map.of()).forEach((hook, window) -> stats.add(window.stat(hook)));
    stats.sort(java.util.Comparator.comparing(PluginAdmin.HookStat::hook));
    return stats;
  }

  public void forget(String pluginId) {
    windows.remove(pluginId);
  }
}
