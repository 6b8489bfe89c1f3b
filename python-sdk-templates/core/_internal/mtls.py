"""AutoMTLS, plugin side: a one-time certificate shaped like go-plugin's, trusting only the host's."""

from __future__ import annotations

import base64
import datetime
import os
from dataclasses import dataclass

__all__ = ["ServerCertificate", "generate_server_certificate", "given_server_certificate"]


@dataclass(frozen=True)
class ServerCertificate:
    key_pem: bytes
    cert_pem: bytes
    handshake_field: str
    """The leaf certificate as DER, standard base64 without padding (handshake field 6)."""


def given_server_certificate(cert_pem: str, key_pem: str) -> ServerCertificate:
    """The certificate the host made for this plugin and sent on the bootstrap line: nothing to generate,
    so the handshake does not wait for ``cryptography`` to import (about 70 ms of a cold start)."""
    import ssl  # grpc has imported it already

    der = ssl.PEM_cert_to_DER_cert(cert_pem)
    return ServerCertificate(key_pem=key_pem.encode("ascii"), cert_pem=cert_pem.encode("ascii"),
                             handshake_field=base64.b64encode(der).decode("ascii").rstrip("="))


def generate_server_certificate() -> ServerCertificate:
    """A self-signed P-256 certificate for ``localhost`` with both EKUs and CA:true, valid 30 years from
    30 seconds ago, as go-plugin makes its own (it trusts the leaf as its own root)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, "localhost"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Mattermost plugin"),
    ])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(int.from_bytes(os.urandom(16), "big") >> 1)
        .not_valid_before(now - datetime.timedelta(seconds=30))
        .not_valid_after(now + datetime.timedelta(hours=262980))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=False, key_encipherment=True, data_encipherment=False,
                key_agreement=True, key_cert_sign=True, crl_sign=False, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH, ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    der = cert.public_bytes(serialization.Encoding.DER)
    return ServerCertificate(
        key_pem=key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ),
        cert_pem=cert.public_bytes(serialization.Encoding.PEM),
        handshake_field=base64.b64encode(der).decode("ascii").rstrip("="),
    )
