package dev.pyplugins.runtime.internal.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one JSON line the host writes to a plugin's stdin right after the spawn, when it sets
 * {@value #ENV_BOOTSTRAP}{@code =stdin}: secrets the plugin needs (its API token; under AutoMTLS an SDK
 * plugin's key pair), which must not sit in the environment or the command line where a same-user process
 * could read them. The pipe then stays
 * open, unwritten, as the lifeline. Stateless.
 */
public final class BootstrapLine {
  /** Tells the plugin to read one bootstrap line from stdin before anything else. */
  public static final String ENV_BOOTSTRAP = "MATTERMOST_PLUGIN_BOOTSTRAP";
  /** An SDK plugin's AutoMTLS certificate (PEM), made by the host: the plugin serves TLS with it. */
  public static final String PLUGIN_CERT = "tls_cert_pem";
  /** The private key of {@link #PLUGIN_CERT} (PKCS#8 PEM). */
  public static final String PLUGIN_KEY = "tls_key_pem";
  private static final ObjectMapper JSON = new ObjectMapper();

  private BootstrapLine() {}

  /** {@code fields} as one JSON object (keys sorted) and a newline. */
  public static String encode(Map<String, String> fields) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(fields)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode the bootstrap line", e);
    }
  }
}
