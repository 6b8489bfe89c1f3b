package dev.pyplugins.runtime.internal.transport;

import io.grpc.ChannelCredentials;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettySslContextChannelCredentials;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
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
   *
   * <p>A plugin key on P-521 (go-plugin's own AutoMTLS key) gets the JDK's TLS: the BoringSSL that
   * grpc-netty-shaded bundles offers no {@code ecdsa_secp521r1_sha512}, the only scheme such a key signs
   * with, so a Go plugin would end every handshake with handshake_failure. Other keys (the Python SDK's
   * P-256) keep gRPC's default, faster provider.
   */
  public static ChannelCredentials clientCredentials(HostCertificate host, X509Certificate pluginCertificate) {
    try {
      if (isP521(pluginCertificate)) {
        SslContext context = GrpcSslContexts.configure(SslContextBuilder.forClient(), SslProvider.JDK)
            .keyManager(host.keyPair().getPrivate(), host.certificate())
            .trustManager(pluginCertificate)
            .build();
        return NettySslContextChannelCredentials.create(context);
      }
      return TlsChannelCredentials.newBuilder()
          .keyManager(stream(host.certificatePem()), stream(host.privateKeyPem()))
          .trustManager(stream(pem(pluginCertificate)))
          .build();
    } catch (IOException e) {
      throw new IllegalStateException("cannot build AutoMTLS credentials", e);
    }
  }

  static boolean isP521(X509Certificate certificate) {
    return certificate.getPublicKey() instanceof ECPublicKey key
        && key.getParams().getCurve().getField().getFieldSize() == 521;
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
