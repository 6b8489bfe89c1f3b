package dev.pyplugins.runtime.internal.handshake;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * An accepted go-plugin handshake line: {@code CORE|APP|NETWORK|ADDR|PROTOCOL|SERVER_CERT}.
 *
 * @param appVersion the app protocol version the plugin chose, one of the host's
 * @param network where the plugin listens
 * @param address the socket path ({@link Network#UNIX}) or {@code host:port} ({@link Network#TCP})
 * @param serverCertificate the plugin's AutoMTLS certificate, when it sent one
 */
public record HandshakeLine(int appVersion, Network network, String address,
    Optional<X509Certificate> serverCertificate) {
  /** go-plugin's {@code CoreProtocolVersion}: the first field of every handshake line. */
  public static final int CORE_PROTOCOL_VERSION = 1;

  public HandshakeLine {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(serverCertificate, "serverCertificate");
  }
}
