package dev.pyplugins.runtime.testing;

import dev.pyplugins.protocol.v1.PluginApiServer;
import dev.pyplugins.protocol.v1.UnsupportedPluginApi;
import dev.pyplugins.runtime.support.PluginCaller;

/** A host API whose GetServerVersion answers "caller=<authenticated plugin id>": proves who the host saw. */
public final class CallerEchoApi extends UnsupportedPluginApi {
  @Override
  public String getServerVersion() {
    return "caller=" + PluginApiServer.caller().map(PluginCaller::pluginId).orElse("none");
  }
}
