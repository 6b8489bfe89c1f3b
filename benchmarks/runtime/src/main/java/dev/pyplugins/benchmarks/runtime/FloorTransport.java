package dev.pyplugins.benchmarks.runtime;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollIoHandler;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The floors' transport, built as the runtime builds its own (see {@code PluginChannels} and
 * {@code ApiEndpoints}): unix sockets through Netty epoll on a two-thread event loop group, authority
 * {@code localhost}, 2 GiB inbound messages; but no interceptors, no deadlines, no SDK.
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
