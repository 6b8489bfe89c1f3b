package dev.pyplugins.runtime.internal.endpoint;

import io.grpc.Server;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One plugin process's Plugin API endpoint: a gRPC server on {@code api.sock} inside the plugin's private
 * 0700 socket directory, admitting only connections from the plugin's own process ({@code SO_PEERCRED},
 * see {@link #admit}) and only calls with this endpoint's {@link ApiToken}. The target travels in the
 * environment, the token in the bootstrap line on the plugin's stdin, never in the environment. Made by
 * {@link ApiEndpoints#open}; a plugin restart gets a new endpoint with a new token. Thread-safe.
 */
public final class ApiEndpoint implements AutoCloseable {
  /** The variable that tells the plugin process where its API is. */
  public static final String ENV_TARGET = "MATTERMOST_PLUGIN_API_TARGET";
  /** The bootstrap field holding the token. */
  public static final String BOOTSTRAP_TOKEN = "api_token";
  /** The socket's file name inside the plugin's socket directory. */
  public static final String SOCKET_NAME = "api.sock";

  private final String pluginId;
  private final Path socket;
  private final ApiToken token;
  private final PeerProcessNegotiator peers;
  private final Server server;

  ApiEndpoint(String pluginId, Path socket, ApiToken token, PeerProcessNegotiator peers, Server server) {
    this.pluginId = pluginId;
    this.socket = socket;
    this.token = token;
    this.peers = peers;
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

  /** {@value #ENV_TARGET} for the plugin's environment: where, not how to get in. */
  public Map<String, String> environment() {
    return Map.of(ENV_TARGET, target());
  }

  /** {@value #BOOTSTRAP_TOKEN} for the plugin's bootstrap line. */
  public Map<String, String> bootstrap() {
    return Map.of(BOOTSTRAP_TOKEN, token.value());
  }

  /** Admits connections from process {@code pid} (the plugin's, just spawned) and its descendants. */
  public void admit(long pid) {
    peers.admit(pid);
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
