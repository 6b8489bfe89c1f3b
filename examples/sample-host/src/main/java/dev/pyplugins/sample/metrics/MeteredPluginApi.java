package dev.pyplugins.sample.metrics;

import dev.pyplugins.protocol.v1.PluginApi;
import dev.pyplugins.protocol.v1.PluginApiServer;
import dev.pyplugins.runtime.support.PluginCaller;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * The host's {@link PluginApi} behind a proxy that counts each plugin's calls and errors per method for
 * {@link HostMetrics} (the caller is the plugin the runtime authenticated).
 */
public final class MeteredPluginApi {
  private MeteredPluginApi() {
  }

  public static PluginApi wrap(PluginApi api, HostMetrics metrics) {
    return (PluginApi) Proxy.newProxyInstance(PluginApi.class.getClassLoader(), new Class<?>[] {PluginApi.class},
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return method.invoke(api, args);
          }
          String plugin = PluginApiServer.caller().map(PluginCaller::pluginId).orElse("");
          boolean failed = false;
          try {
            return method.invoke(api, args);
          } catch (InvocationTargetException e) {
            failed = true;
            throw e.getCause();
          } finally {
            if (!plugin.isEmpty()) {
              metrics.apiCall(plugin, MeteredHooks.rpcName(method.getName()), failed);
            }
          }
        });
  }
}
