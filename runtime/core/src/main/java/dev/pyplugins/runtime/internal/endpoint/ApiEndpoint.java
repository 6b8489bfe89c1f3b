package dev.pyplugins.runtime.internal.endpoint;

import io.grpc.Server;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One plugin process's Plugin API endpoint: a gRPC server on {@code api.sock} inside the plugin's private
 * 0700 socket directory, admitting only calls with this endpoint's {@link ApiToken}. Made by
 * {@link ApiEndpoints#open}; a plugin restart gets a new endpoint with a new token. Thread-safe.
 */
public final class ApiEndpoint implements AutoCloseable {
  /** Variables that tell the plugin process where its API is and how to authenticate. */
  public static final String ENV_TARGET = "MATTERMOST_PLUGIN_API_TARGET";
  public static final String ENV_TOKEN = "MATTERMOST_PLUGIN_API_TOKEN";
  /** The socket's file name inside the plugin's socket directory. */
  public static final String SOCKET_NAME = "api.sock";

  private final String pluginId;
  private final Path socket;
  private final ApiToken token;
  private final Server server;

  ApiEndpoint(String pluginId, Path socket, ApiToken token, Server server) {
    this.pluginId = pluginId;
    this.socket = socket;
    this.token = token;
    this.server = server;
  }

  public String pluginId() {
    return pluginId;
  }

  /** The socket file. */
  public Path socket() {
    return socket;
  }

  /** The gRPC target a client dials, {@code unix:///tmp/pyp-x/api.sock}. */
  public String target() {
    return "unix://" + socket;
  }

  public ApiToken token() {
    return token;
  }

  /** {@value #ENV_TARGET} and {@value #ENV_TOKEN} for the plugin's environment. */
  public Map<String, String> environment() {
    return Map.of(ENV_TARGET, target(), ENV_TOKEN, token.value());
  }

  /** Stops serving at once (in-flight calls fail) and waits up to two seconds for the server to end. */
  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "ApiEndpoint{" + pluginId + ", " + target() + "}";
  }
}
