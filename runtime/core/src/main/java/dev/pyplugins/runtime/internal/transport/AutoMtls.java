package dev.pyplugins.runtime.internal.transport;

import io.grpc.ChannelCredentials;
import io.grpc.TlsChannelCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * The client side of go-plugin's AutoMTLS: the host presents its one-time certificate and trusts exactly
 * the certificate the plugin sent in its handshake line, nothing from the system trust store. Stateless.
 */
public final class AutoMtls {
  private AutoMtls() {}

  /**
   * Channel credentials for dialing a plugin: TLS with {@code host} as client certificate and
   * {@code pluginCertificate} as the only trusted root. Dial with authority {@code localhost}.
   */
  public static ChannelCredentials clientCredentials(HostCertificate host, X509Certificate pluginCertificate) {
    try {
      return TlsChannelCredentials.newBuilder()
          .keyManager(stream(host.certificatePem()), stream(host.privateKeyPem()))
          .trustManager(stream(pem(pluginCertificate)))
          .build();
    } catch (IOException e) {
      throw new IllegalStateException("cannot build AutoMTLS credentials", e);
    }
  }

  /** A certificate as go-plugin's handshake line carries it: DER, standard base64, no padding. */
  public static String handshakeEncoding(X509Certificate certificate) {
    try {
      return Base64.getEncoder().withoutPadding().encodeToString(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static String pem(X509Certificate certificate) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ByteArrayInputStream stream(String pem) {
    return new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII));
  }
}
