package dev.pyplugins.benchmarks.runtime;

import dev.pyplugins.runtime.internal.transport.HostCertificate;
import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollIoHandler;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The floors' transport, built as the runtime builds its own (see {@code PluginChannels} and
 * {@code ApiEndpoints}): unix sockets through Netty epoll on a two-thread event loop group, authority
 * {@code localhost}, 2 GiB inbound messages; but no interceptors, no deadlines, no SDK. Plaintext, except
 * {@link #tlsChannel} (what AutoMTLS does to the ServeHTTP streams).
 */
final class FloorTransport implements AutoCloseable {
  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, r -> {
    Thread t = new Thread(r, "floor-transport");
    t.setDaemon(true);
    return t;
  }, EpollIoHandler.newFactory());

  ManagedChannel channel(Path socket) {
    return NettyChannelBuilder.forAddress(new DomainSocketAddress(socket.toString()))
        .channelType(EpollDomainSocketChannel.class)
        .withOption(ChannelOption.SO_KEEPALIVE, null)
        .eventLoopGroup(group)
        .overrideAuthority("localhost")
        .usePlaintext()
        .maxInboundMessageSize(Integer.MAX_VALUE)
        .build();
  }

  /** As {@link #channel}, with mutual TLS: {@code client}'s key pair, trusting only {@code server}. */
  ManagedChannel tlsChannel(Path socket, HostCertificate client, HostCertificate server) throws IOException {
    ChannelCredentials tls = TlsChannelCredentials.newBuilder()
        .keyManager(pem(client.certificatePem()), pem(client.privateKeyPem()))
        .trustManager(pem(server.certificatePem()))
        .build();
    return NettyChannelBuilder.forAddress(new DomainSocketAddress(socket.toString()), tls)
        .channelType(EpollDomainSocketChannel.class)
        .withOption(ChannelOption.SO_KEEPALIVE, null)
        .eventLoopGroup(group)
        .overrideAuthority("localhost")
        .maxInboundMessageSize(Integer.MAX_VALUE)
        .build();
  }

  private static ByteArrayInputStream pem(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
  }

  Server server(Path socket, ServerServiceDefinition service) throws IOException {
    return NettyServerBuilder.forAddress(new DomainSocketAddress(socket.toString()))
        .channelType(EpollServerDomainSocketChannel.class)
        .withChildOption(ChannelOption.SO_KEEPALIVE, null)
        .bossEventLoopGroup(group)
        .workerEventLoopGroup(group)
        .maxInboundMessageSize(Integer.MAX_VALUE)
        .addService(service)
        .build()
        .start();
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
