package dev.pyplugins.runtime.internal.transport;

import dev.pyplugins.runtime.internal.handshake.HandshakeLine;
import dev.pyplugins.runtime.internal.handshake.Network;
import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollIoHandler;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens gRPC channels to plugins where their handshake line says they listen: unix sockets (which real
 * go-plugin plugins always use on POSIX) through Netty's epoll transport, or TCP. Every channel uses
 * authority {@code localhost} (what AutoMTLS certificates name) and accepts messages up to a limit
 * ({@code RuntimeOptions.maxMessageSize}, 64 MiB by default; go-plugin's host allows 2 GiB, which let one hook
 * answer exhaust the host's heap): a bigger answer fails that call with RESOURCE_EXHAUSTED naming the limit and
 * the option, and the channel stays usable. One instance owns one event loop group shared by all its channels;
 * thread-safe; {@link #close()} after closing the channels.
 */
public final class PluginChannels implements AutoCloseable {
  /** The authority every plugin channel uses; go-plugin's TLS configs name {@code localhost}. */
  public static final String AUTHORITY = "localhost";

  /** The default inbound message limit, as {@code RuntimeOptions.maxMessageSize}'s default. */
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 << 20;

  private final EventLoopGroup group;
  private final int maxMessageSize;

  /** Channels with the default message limit. */
  public PluginChannels() {
    this(DEFAULT_MAX_MESSAGE_SIZE);
  }

  /**
   * Channels accepting messages of at most {@code maxMessageSize} bytes.
   *
   * @throws IllegalStateException when the epoll transport is not available (not Linux)
   */
  public PluginChannels(int maxMessageSize) {
    this.maxMessageSize = maxMessageSize;
    if (!Epoll.isAvailable()) {
      throw new IllegalStateException("unix sockets need Netty's epoll transport, unavailable here: "
          + Epoll.unavailabilityCause());
    }
    this.group = new MultiThreadIoEventLoopGroup(2, daemonThreads(), EpollIoHandler.newFactory());
  }

  /** A plaintext channel to the plugin at {@code handshake}'s address. */
  public ManagedChannel open(HandshakeLine handshake) {
    return open(handshake, InsecureChannelCredentials.create());
  }

  /**
   * A channel to the plugin at {@code handshake}'s address with {@code credentials} (plaintext, or
   * {@link AutoMtls#clientCredentials}). The channel connects lazily.
   */
  public ManagedChannel open(HandshakeLine handshake, ChannelCredentials credentials) {
    NettyChannelBuilder builder;
    if (handshake.network() == Network.UNIX) {
      builder = NettyChannelBuilder.forAddress(new DomainSocketAddress(handshake.address()), credentials)
          .channelType(EpollDomainSocketChannel.class)
          .withOption(ChannelOption.SO_KEEPALIVE, null); // TCP only; unset, Netty warns per connection
    } else {
      String address = handshake.address();
      int colon = address.lastIndexOf(':');
      String host = address.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      int port = Integer.parseInt(address.substring(colon + 1));
      builder = NettyChannelBuilder.forAddress(new InetSocketAddress(host, port), credentials)
          .channelType(EpollSocketChannel.class);
    }
    return builder
        .eventLoopGroup(group)
        .overrideAuthority(AUTHORITY)
        .maxInboundMessageSize(maxMessageSize)
        .maxInboundMetadataSize(1 << 20)
        .intercept(new MessageLimitInterceptor(maxMessageSize))
        .build();
  }

  /** The event loop group, for servers the host runs next to its plugins (the per-plugin API endpoint). */
  public EventLoopGroup eventLoopGroup() {
    return group;
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "pyplugins-transport-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
