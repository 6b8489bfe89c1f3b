package dev.pyplugins.runtime.internal.handshake;

import static dev.pyplugins.runtime.FailureKind.HANDSHAKE_INCOMPATIBLE;
import static dev.pyplugins.runtime.FailureKind.HANDSHAKE_INVALID;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Checks a go-plugin handshake line exactly as go-plugin's host does ({@code client.go}), with the same
 * error texts where go-plugin has one: whitespace trimmed, split on every {@code |}, at least four fields,
 * core version 1, an app version the host offered, network {@code unix} or {@code tcp}, protocol
 * {@code grpc} only (a missing field means netrpc), and a 6th field longer than 50 characters read as the
 * plugin's certificate (DER, base64 without padding). Immutable and thread-safe.
 */
public final class HandshakeParser {
  /** go-plugin reads the 6th field as a certificate only above this length (skips junk of old servers). */
  static final int CERT_MIN_LENGTH = 51;

  private final SortedSet<Integer> hostVersions;
  private final boolean certificateRequired;

  /**
   * @param hostVersions the app protocol versions offered in {@code PLUGIN_PROTOCOL_VERSIONS}
   * @param certificateRequired whether the host runs AutoMTLS, so the plugin must send its certificate
   */
  public HandshakeParser(Set<Integer> hostVersions, boolean certificateRequired) {
    if (hostVersions.isEmpty()) {
      throw new IllegalArgumentException("the host must offer at least one app protocol version");
    }
    this.hostVersions = new TreeSet<>(hostVersions);
    this.certificateRequired = certificateRequired;
  }

  /** The versions offered, as {@code PLUGIN_PROTOCOL_VERSIONS} spells them ("1,2"). */
  public String protocolVersionsVariable() {
    return String.join(",", hostVersions.stream().map(String::valueOf).toList());
  }

  /**
   * Parses and validates one line (without or with its line terminator).
   *
   * @throws HandshakeRejectedException saying what is wrong
   */
  public HandshakeLine parse(String rawLine) throws HandshakeRejectedException {
    String line = rawLine.strip();
    String[] parts = line.split("\\|", -1);
    if (parts.length < 4) {
      throw new HandshakeRejectedException(HANDSHAKE_INVALID, "Unrecognized remote plugin message: '"
          + abbreviate(line) + "'. This usually means the plugin was not built for this host, or it printed"
          + " to stdout before its handshake line (expected CORE|APP|NETWORK|ADDR|PROTOCOL|CERT)");
    }
    int core = number(parts[0], "core protocol version");
    if (core != HandshakeLine.CORE_PROTOCOL_VERSION) {
      throw new HandshakeRejectedException(HANDSHAKE_INCOMPATIBLE, "Incompatible core API version with plugin. "
          + "Plugin version: " + parts[0] + ", Core version: " + HandshakeLine.CORE_PROTOCOL_VERSION);
    }
    int app = number(parts[1], "app protocol version");
    if (!hostVersions.contains(app)) {
      throw new HandshakeRejectedException(HANDSHAKE_INCOMPATIBLE, "Incompatible API version with plugin: "
          + "plugin version " + app + ", host versions " + hostVersions);
    }
    Network network = switch (parts[2]) {
      case "unix" -> Network.UNIX;
      case "tcp" -> Network.TCP;
      default -> throw new HandshakeRejectedException(HANDSHAKE_INCOMPATIBLE,
          "Unknown address type: '" + parts[2] + "' (expected unix or tcp)");
    };
    String address = checkAddress(network, parts[3]);
    String protocol = parts.length > 4 ? parts[4] : "netrpc";
    if (!protocol.equals("grpc")) {
      throw new HandshakeRejectedException(HANDSHAKE_INCOMPATIBLE, "Unsupported plugin protocol '" + protocol
          + "'; this host speaks grpc only (a plugin built with go-plugin must set GRPCServer in its ServeConfig)");
    }
    Optional<X509Certificate> certificate = parts.length > 5 && parts[5].length() >= CERT_MIN_LENGTH
        ? Optional.of(certificate(parts[5])) : Optional.empty();
    if (parts.length > 6 && Boolean.parseBoolean(parts[6])) {
      throw new HandshakeRejectedException(HANDSHAKE_INCOMPATIBLE,
          "plugin multiplexes gRPC over one connection (PLUGIN_MULTIPLEX_GRPC), which this host does not speak");
    }
    if (certificateRequired && certificate.isEmpty()) {
      throw new HandshakeRejectedException(HANDSHAKE_INCOMPATIBLE, "the host uses AutoMTLS but the plugin sent no"
          + " certificate in its handshake line; it must read PLUGIN_CLIENT_CERT and serve TLS");
    }
    return new HandshakeLine(app, network, address, certificate);
  }

  private static int number(String field, String what) throws HandshakeRejectedException {
    try {
      return Integer.parseInt(field);
    } catch (NumberFormatException e) {
      throw new HandshakeRejectedException(HANDSHAKE_INVALID, "Error parsing " + what + ": '" + abbreviate(field)
          + "' is not a number");
    }
  }

  private static String checkAddress(Network network, String address) throws HandshakeRejectedException {
    if (address.isEmpty()) {
      throw new HandshakeRejectedException(HANDSHAKE_INVALID, "empty " + network.name().toLowerCase(java.util.Locale.ROOT) + " address");
    }
    if (network == Network.UNIX) {
      if (!address.startsWith("/")) {
        throw new HandshakeRejectedException(HANDSHAKE_INVALID, "unix socket path '" + abbreviate(address)
            + "' is not absolute");
      }
      return address;
    }
    int colon = address.lastIndexOf(':');
    int port = -1;
    if (colon > 0) {
      try {
        port = Integer.parseInt(address.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
    }
    if (port < 1 || port > 65535) {
      throw new HandshakeRejectedException(HANDSHAKE_INVALID, "tcp address '" + abbreviate(address)
          + "' is not host:port");
    }
    return address;
  }

  private static X509Certificate certificate(String field) throws HandshakeRejectedException {
    try {
      byte[] der = Base64.getDecoder().decode(field);
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
    } catch (IllegalArgumentException | CertificateException e) {
      throw new HandshakeRejectedException(HANDSHAKE_INVALID, "the plugin's certificate (6th field) is not"
          + " base64 DER: " + e.getMessage(), e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
