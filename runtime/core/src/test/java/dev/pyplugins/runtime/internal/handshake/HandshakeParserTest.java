package dev.pyplugins.runtime.internal.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyplugins.runtime.FailureKind;
import dev.pyplugins.runtime.internal.transport.AutoMtls;
import dev.pyplugins.runtime.internal.transport.HostCertificate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HandshakeParserTest {
  private final HandshakeParser parser = new HandshakeParser(Set.of(1), false);

  @Test
  void goPluginUnixLineWithEmptyCertificateFieldIsAccepted() throws Exception {
    HandshakeLine line = parser.parse("1|1|unix|/tmp/pyp-abc/plugin123|grpc|\n");

    assertThat(line).isEqualTo(new HandshakeLine(1, Network.UNIX, "/tmp/pyp-abc/plugin123",
        java.util.Optional.empty()));
  }

  @Test
  void tcpLineWithoutSixthFieldIsAccepted() throws Exception {
    HandshakeLine line = parser.parse("  1|1|tcp|127.0.0.1:10000|grpc  ");

    assertThat(line.network()).isEqualTo(Network.TCP);
    assertThat(line.address()).isEqualTo("127.0.0.1:10000");
  }

  @Test
  void shortSixthFieldIsIgnoredAsGoPluginDoes() throws Exception {
    assertThat(parser.parse("1|1|unix|/tmp/s|grpc|not-a-certificate").serverCertificate()).isEmpty();
  }

  @Test
  void certificateIsDecodedFromUnpaddedBase64Der() throws Exception {
    var pluginCert = HostCertificate.generate().certificate();
    String field = AutoMtls.handshakeEncoding(pluginCert);

    HandshakeLine line = new HandshakeParser(Set.of(1), true).parse("1|1|unix|/tmp/s|grpc|" + field);

    assertThat(field).doesNotEndWith("=");
    assertThat(line.serverCertificate()).contains(pluginCert);
  }

  @Test
  void versionsVariableListsTheHostsVersionsInOrder() {
    assertThat(new HandshakeParser(Set.of(3, 1, 2), false).protocolVersionsVariable()).isEqualTo("1,2,3");
  }

  @ParameterizedTest(name = "''{0}'' is {1}")
  @CsvSource(delimiter = '#', textBlock = """
      hello world                                # HANDSHAKE_INVALID      # Unrecognized remote plugin message: 'hello world'
      Loading config...|done                     # HANDSHAKE_INVALID      # Unrecognized remote plugin message
      x|1|unix|/tmp/s|grpc|                      # HANDSHAKE_INVALID      # Error parsing core protocol version: 'x'
      2|1|unix|/tmp/s|grpc|                      # HANDSHAKE_INCOMPATIBLE # Incompatible core API version with plugin. Plugin version: 2, Core version: 1
      1|one|unix|/tmp/s|grpc|                    # HANDSHAKE_INVALID      # Error parsing app protocol version
      1|5|unix|/tmp/s|grpc|                      # HANDSHAKE_INCOMPATIBLE # plugin version 5, host versions [1]
      1|1|udp|/tmp/s|grpc|                       # HANDSHAKE_INCOMPATIBLE # Unknown address type: 'udp'
      1|1|unix||grpc|                            # HANDSHAKE_INVALID      # empty unix address
      1|1|unix|relative/sock|grpc|               # HANDSHAKE_INVALID      # is not absolute
      1|1|tcp|localhost|grpc|                    # HANDSHAKE_INVALID      # tcp address 'localhost' is not host:port
      1|1|tcp|127.0.0.1:99999|grpc|              # HANDSHAKE_INVALID      # is not host:port
      1|1|unix|/tmp/s                            # HANDSHAKE_INCOMPATIBLE # Unsupported plugin protocol 'netrpc'
      1|1|unix|/tmp/s|netrpc|                    # HANDSHAKE_INCOMPATIBLE # Unsupported plugin protocol 'netrpc'
      1|1|unix|/tmp/s|grpc||true                 # HANDSHAKE_INCOMPATIBLE # PLUGIN_MULTIPLEX_GRPC
      1|1|unix|/tmp/s|grpc|!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!! # HANDSHAKE_INVALID # is not base64 DER
      """)
  void badLinesAreRejectedWithAKindAndReason(String line, FailureKind kind, String reason) {
    assertThatThrownBy(() -> parser.parse(line))
        .isInstanceOfSatisfying(HandshakeRejectedException.class, e -> {
          assertThat(e.kind()).isEqualTo(kind);
          assertThat(e.getMessage()).contains(reason);
        });
  }

  @Test
  void autoMtlsHostRejectsAPluginThatSentNoCertificate() {
    assertThatThrownBy(() -> new HandshakeParser(Set.of(1), true).parse("1|1|unix|/tmp/s|grpc|"))
        .isInstanceOfSatisfying(HandshakeRejectedException.class, e -> {
          assertThat(e.kind()).isEqualTo(FailureKind.HANDSHAKE_INCOMPATIBLE);
          assertThat(e.getMessage()).contains("sent no certificate");
        });
  }
}
