package dev.pyplugins.runtime.internal.transport;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The host's one-time AutoMTLS identity for one plugin process, shaped like go-plugin's ({@code mtls.go}):
 * self-signed, CN and DNS SAN {@code localhost}, client and server auth, CA:true (Go accepts the self-signed
 * leaf because it is its own root). ECDSA P-256 instead of go-plugin's P-521: faster, and any key type Go
 * supports is accepted. The host's private key never leaves this object; one made for an SDK plugin goes to
 * that plugin alone, on its bootstrap line. Immutable.
 */
public final class HostCertificate {
  private static final Duration BACKDATE = Duration.ofSeconds(30);
  private static final Duration LIFETIME = Duration.ofDays(3650);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyPair keyPair;
  private final X509Certificate certificate;

  private HostCertificate(KeyPair keyPair, X509Certificate certificate) {
    this.keyPair = keyPair;
    this.certificate = certificate;
  }

  /** Generates a fresh key pair and certificate. */
  public static HostCertificate generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      KeyPair keyPair = generator.generateKeyPair();
      Instant now = Instant.now();
      var subject = new X500NameBuilder(BCStyle.INSTANCE)
          .addRDN(BCStyle.O, "pyplugins")
          .addRDN(BCStyle.CN, "localhost")
          .build();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(128, RANDOM),
          Date.from(now.minus(BACKDATE)), Date.from(now.plus(LIFETIME)), subject, keyPair.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
          | KeyUsage.keyEncipherment | KeyUsage.keyAgreement | KeyUsage.keyCertSign));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
          new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth}));
      builder.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
      var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate());
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
      return new HostCertificate(keyPair, cert);
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot generate the AutoMTLS host certificate", e);
    }
  }

  public X509Certificate certificate() {
    return certificate;
  }

  KeyPair keyPair() {
    return keyPair;
  }

  /** The certificate as PEM, the value of {@code PLUGIN_CLIENT_CERT}. */
  public String certificatePem() {
    return AutoMtls.pem(certificate);
  }

  /** The private key as PKCS#8 PEM, for channel credentials (this package's, a benchmark's TLS floor). */
  public String privateKeyPem() {
    // JCA encodes EC private keys as PKCS#8, which is what PEM "PRIVATE KEY" holds.
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keyPair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }
}
