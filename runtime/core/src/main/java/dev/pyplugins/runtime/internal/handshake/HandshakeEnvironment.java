package dev.pyplugins.runtime.internal.handshake;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables of go-plugin's handshake, host to plugin. The plugin checks the magic cookie,
 * picks the highest app protocol version it shares with {@code PLUGIN_PROTOCOL_VERSIONS}, and listens in
 * {@code PLUGIN_UNIX_SOCKET_DIR} (or on TCP within the port range). {@code PLUGIN_MULTIPLEX_GRPC} is never
 * set: this host does not speak yamux.
 */
public final class HandshakeEnvironment {
  /** Mattermost's magic cookie key and value ({@code plugin/api.go}); a UX check, not security. */
  public static final String MAGIC_COOKIE_KEY = "MATTERMOST_PLUGIN";
  public static final String MAGIC_COOKIE_VALUE = "Securely message teams, anywhere.";
  public static final String PROTOCOL_VERSIONS = "PLUGIN_PROTOCOL_VERSIONS";
  public static final String MIN_PORT = "PLUGIN_MIN_PORT";
  public static final String MAX_PORT = "PLUGIN_MAX_PORT";
  public static final String UNIX_SOCKET_DIR = "PLUGIN_UNIX_SOCKET_DIR";
  public static final String CLIENT_CERT = "PLUGIN_CLIENT_CERT";

  private HandshakeEnvironment() {}

  /**
   * @param protocolVersions the host's app protocol versions, comma-separated ("1")
   * @param socketDirectory the plugin's private socket directory
   * @param clientCertificatePem the host's AutoMTLS certificate, when AutoMTLS is on
   */
  public static Map<String, String> variables(String protocolVersions, Path socketDirectory,
      Optional<String> clientCertificatePem) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE);
    env.put(PROTOCOL_VERSIONS, protocolVersions);
    env.put(MIN_PORT, "10000");
    env.put(MAX_PORT, "25000");
    env.put(UNIX_SOCKET_DIR, socketDirectory.toString());
    clientCertificatePem.ifPresent(pem -> env.put(CLIENT_CERT, pem));
    return env;
  }
}
