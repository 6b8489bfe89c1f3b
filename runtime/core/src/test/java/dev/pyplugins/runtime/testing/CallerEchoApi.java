package dev.pyplugins.runtime.testing;

import com.google.protobuf.ByteString;
import dev.pyplugins.protocol.v1.PluginApiServer;
import dev.pyplugins.protocol.v1.UnsupportedPluginApi;
import dev.pyplugins.runtime.support.PluginCaller;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A host API that proves who the host saw calling: GetServerVersion answers "caller=<authenticated plugin
 * id>", and KVSet/KVGet keep one store per authenticated caller ({@link #store}).
 */
public final class CallerEchoApi extends UnsupportedPluginApi {
  private final Map<String, Map<String, ByteString>> stores = new ConcurrentHashMap<>();

  @Override
  public String getServerVersion() {
    return "caller=" + caller();
  }

  @Override
  public void kvSet(String key, ByteString value) {
    stores.computeIfAbsent(caller(), c -> new ConcurrentHashMap<>()).put(key, value);
  }

  @Override
  public ByteString kvGet(String key) {
    return store(caller()).getOrDefault(key, ByteString.EMPTY);
  }

  /** The key-value store of plugin {@code pluginId} as its calls left it. */
  public Map<String, ByteString> store(String pluginId) {
    return Map.copyOf(stores.getOrDefault(pluginId, Map.of()));
  }

  private static String caller() {
    return PluginApiServer.caller().map(PluginCaller::pluginId).orElse("none");
  }
}
