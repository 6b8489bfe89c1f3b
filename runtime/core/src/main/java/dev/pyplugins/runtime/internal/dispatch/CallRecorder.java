package dev.pyplugins.runtime.internal.dispatch;

import dev.pyplugins.protocol.v1.HookName;
import dev.pyplugins.runtime.HookMetrics;
import dev.pyplugins.runtime.PluginCallListener;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every finished host-plugin call is reported, by the hooks channels' and API endpoints' interceptors:
 * keeps the {@link HookMetrics} windows (per hook, and per plugin and hook) and tells the host's
 * {@link PluginCallListener}. Thread-safe.
 */
public final class CallRecorder implements HookMetrics {
  private static final Logger LOG = LoggerFactory.getLogger(CallRecorder.class);
  private static final Map<String, HookName> HOOKS_BY_RPC = Arrays.stream(HookName.values())
      .collect(Collectors.toUnmodifiableMap(HookName::rpcName, Function.identity()));

  private final PluginCallListener listener;
  private final Map<HookName, LatencyWindow> byHook = new ConcurrentHashMap<>();
  private final Map<String, Map<HookName, LatencyWindow>> byPlugin = new ConcurrentHashMap<>();

  public CallRecorder(PluginCallListener listener) {
    this.listener = listener;
  }

  /** A hook call ended; {@code rpcName} is the descriptor's method name (Implemented is not recorded). */
  public void hookCalled(String pluginId, String rpcName, long nanos, boolean failed) {
    HookName hook = HOOKS_BY_RPC.get(rpcName);
    if (hook == null) {
      return;
    }
    byHook.computeIfAbsent(hook, LatencyWindow::new).add(nanos, failed);
    byPlugin.computeIfAbsent(pluginId, id -> new ConcurrentHashMap<>()).computeIfAbsent(hook, LatencyWindow::new)
        .add(nanos, failed);
    try {
      listener.hookCalled(pluginId, hook, Duration.ofNanos(nanos), failed);
    } catch (RuntimeException e) {
      LOG.warn("the host's call listener failed on hook {} of plugin {}: {}", hook, pluginId, e.toString());
    }
  }

  /** A Plugin API call ended. */
  public void apiCalled(String pluginId, String rpcName, long nanos, boolean failed) {
    try {
      listener.apiCalled(pluginId, rpcName, Duration.ofNanos(nanos), failed);
    } catch (RuntimeException e) {
      LOG.warn("the host's call listener failed on API call {} of plugin {}: {}", rpcName, pluginId, e.toString());
    }
  }

  @Override
  public Optional<HookStats> hook(HookName hook) {
    return Optional.ofNullable(byHook.get(hook)).map(LatencyWindow::stats);
  }

  @Override
  public Map<HookName, HookStats> byHook() {
    return snapshot(byHook);
  }

  @Override
  public Map<HookName, HookStats> ofPlugin(String pluginId) {
    return snapshot(byPlugin.getOrDefault(pluginId, Map.of()));
  }

  private static Map<HookName, HookStats> snapshot(Map<HookName, LatencyWindow> windows) {
    Map<HookName, HookStats> all = new EnumMap<>(HookName.class);
    windows.forEach((hook, window) -> all.put(hook, window.stats()));
    return Collections.unmodifiableMap(all);
  }

  @Override
  public String toString() {
    return "HookMetrics" + byHook().values();
  }
}
