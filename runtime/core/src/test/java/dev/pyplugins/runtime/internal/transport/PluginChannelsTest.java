package dev.pyplugins.runtime.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyplugins.runtime.internal.handshake.HandshakeLine;
import dev.pyplugins.runtime.internal.handshake.Network;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsServerCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Channels against a real Netty server standing in for a plugin: health service "plugin" SERVING. */
class PluginChannelsTest {
  @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ALWAYS) Path dir;
  private final PluginChannels channels = new PluginChannels();
  private Server server;
  private ManagedChannel channel;

  @AfterEach
  void close() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    channels.close();
  }

  private Server startUnix(Path socket, ServerCredentials credentials) throws IOException {
    HealthStatusManager health = new HealthStatusManager();
    health.setStatus("plugin", ServingStatus.SERVING);
    return NettyServerBuilder.forAddress(new DomainSocketAddress(socket.toString()), credentials)
        .channelType(EpollServerDomainSocketChannel.class)
        .bossEventLoopGroup(channels.eventLoopGroup())
        .workerEventLoopGroup(channels.eventLoopGroup())
        .addService(health.getHealthService())
        .build()
        .start();
  }

  private static ServingStatus check(ManagedChannel channel) {
    return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
        .check(HealthCheckRequest.newBuilder().setService("plugin").build()).getStatus();
  }

  private static ServerCredentials pluginTls(HostCertificate plugin, HostCertificate trustedHost) throws IOException {
    return TlsServerCredentials.newBuilder()
        .keyManager(ascii(plugin.certificatePem()), ascii(plugin.privateKeyPem()))
        .trustManager(ascii(trustedHost.certificatePem()))
        .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE)
        .build();
  }

  private static ByteArrayInputStream ascii(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void plaintextChannelOverUnixSocketReachesThePlugin() throws IOException {
    Path socket = dir.resolve("plugin.sock");
    server = startUnix(socket, InsecureServerCredentials.create());

    channel = channels.open(new HandshakeLine(1, Network.UNIX, socket.toString(), Optional.empty()));

    assertThat(check(channel)).isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void plaintextChannelOverTcpReachesThePlugin() throws IOException {
    HealthStatusManager health = new HealthStatusManager();
    health.setStatus("plugin", ServingStatus.SERVING);
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0), InsecureServerCredentials.create())
        .channelType(EpollServerSocketChannel.class)
        .bossEventLoopGroup(channels.eventLoopGroup())
        .workerEventLoopGroup(channels.eventLoopGroup())
        .addService(health.getHealthService())
        .build()
        .start();
    int port = ((InetSocketAddress) server.getListenSockets().get(0)).getPort();

    channel = channels.open(new HandshakeLine(1, Network.TCP, "127.0.0.1:" + port, Optional.empty()));

    assertThat(check(channel)).isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void autoMtlsChannelTrustsExactlyThePluginsCertificate() throws IOException {
    HostCertificate host = HostCertificate.generate();
    HostCertificate plugin = HostCertificate.generate();
    Path socket = dir.resolve("tls.sock");
    server = startUnix(socket, pluginTls(plugin, host));
    HandshakeLine line = new HandshakeLine(1, Network.UNIX, socket.toString(), Optional.of(plugin.certificate()));

    channel = channels.open(line, AutoMtls.clientCredentials(host, plugin.certificate()));

    assertThat(check(channel)).isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void autoMtlsRefusesAServerWithAnotherCertificate() throws IOException {
    HostCertificate host = HostCertificate.generate();
    HostCertificate impostor = HostCertificate.generate();
    Path socket = dir.resolve("impostor.sock");
    server = startUnix(socket, pluginTls(impostor, host));
    HostCertificate announced = HostCertificate.generate();

    channel = channels.open(new HandshakeLine(1, Network.UNIX, socket.toString(), Optional.empty()),
        AutoMtls.clientCredentials(host, announced.certificate()));

    assertThatThrownBy(() -> check(channel)).isInstanceOf(StatusRuntimeException.class)
        .hasMessageStartingWith("UNAVAILABLE");
  }

  @Test
  void pluginRefusesAClientWithoutTheHostCertificate() throws IOException {
    HostCertificate host = HostCertificate.generate();
    HostCertificate plugin = HostCertificate.generate();
    HostCertificate stranger = HostCertificate.generate();
    Path socket = dir.resolve("client.sock");
    server = startUnix(socket, pluginTls(plugin, host));

    channel = channels.open(new HandshakeLine(1, Network.UNIX, socket.toString(), Optional.empty()),
        AutoMtls.clientCredentials(stranger, plugin.certificate()));

    assertThatThrownBy(() -> check(channel)).isInstanceOf(StatusRuntimeException.class)
        .hasMessageStartingWith("UNAVAILABLE");
  }

  @Test
  void hostCertificateHasGoPluginsShape() throws Exception {
    var cert = HostCertificate.generate().certificate();

    assertThat(cert.getSubjectX500Principal().getName()).contains("CN=localhost");
    assertThat(cert.getSubjectAlternativeNames()).containsExactly(java.util.List.of(2, "localhost"));
    assertThat(cert.getExtendedKeyUsage()).containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
    assertThat(cert.getBasicConstraints()).isGreaterThanOrEqualTo(0); // CA:true
    assertThat(cert.getKeyUsage()[5]).as("keyCertSign").isTrue();
    cert.verify(cert.getPublicKey());
    assertThat(HostCertificate.generate().certificatePem()).startsWith("-----BEGIN CERTIFICATE-----\n")
        .endsWith("-----END CERTIFICATE-----\n");
  }
}
