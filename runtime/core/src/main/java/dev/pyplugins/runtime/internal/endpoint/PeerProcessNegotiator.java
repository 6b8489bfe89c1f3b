package dev.pyplugins.runtime.internal.endpoint;

import io.grpc.netty.shaded.io.grpc.netty.GrpcHttp2ConnectionHandler;
import io.grpc.netty.shaded.io.grpc.netty.InternalProtocolNegotiator;
import io.grpc.netty.shaded.io.grpc.netty.InternalProtocolNegotiators;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandler;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.PeerCredentials;
import io.grpc.netty.shaded.io.netty.util.AsciiString;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits a connection to a plugin's API socket only from that plugin's own process (or a descendant of
 * it), by the kernel's {@code SO_PEERCRED} of the unix socket: the pid a process connected with, which no
 * other process can present, unlike a token it might have read. Until the plugin's pid is known
 * ({@link #admit}), nothing is admitted. A refused connection is closed before any HTTP/2 byte is read,
 * and logged. Then plaintext gRPC, as before. Thread-safe.
 */
final class PeerProcessNegotiator implements InternalProtocolNegotiator.ProtocolNegotiator {
  private static final Logger LOG = LoggerFactory.getLogger(PeerProcessNegotiator.class);
  private static final long UNKNOWN = -1;

  private final InternalProtocolNegotiator.ProtocolNegotiator plaintext = InternalProtocolNegotiators.serverPlaintext();
  private final String pluginId;
  private final AtomicLong admitted = new AtomicLong(UNKNOWN);

  PeerProcessNegotiator(String pluginId) {
    this.pluginId = pluginId;
  }

  /** From now on, connections from {@code pid} and its descendants are admitted. */
  void admit(long pid) {
    admitted.set(pid);
  }

  @Override
  public AsciiString scheme() {
    return plaintext.scheme();
  }

  @Override
  public ChannelHandler newHandler(GrpcHttp2ConnectionHandler grpcHandler) {
    ChannelHandler next = plaintext.newHandler(grpcHandler);
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void handlerAdded(ChannelHandlerContext ctx) {
        Optional<String> refusal = refusal(ctx.channel());
        if (refusal.isPresent()) {
          LOG.warn("refused a connection to the API endpoint of plugin {}: {}", pluginId, refusal.get());
          ctx.close();
        } else {
          ctx.pipeline().replace(this, null, next);
        }
      }
    };
  }

  @Override
  public void close() {
    plaintext.close();
  }

  /** Why the peer of {@code channel} may not call as this plugin, or empty when it may. */
  Optional<String> refusal(Channel channel) {
    if (!(channel instanceof EpollDomainSocketChannel socket)) {
      return Optional.of("not a unix socket connection (" + channel.getClass().getSimpleName() + ")");
    }
    PeerCredentials peer;
    try {
      peer = socket.peerCredentials();
    } catch (IOException e) {
      return Optional.of("cannot read the peer's credentials: " + e.getMessage());
    }
    long plugin = admitted.get();
    if (plugin == UNKNOWN) {
      return Optional.of("pid " + peer.pid() + " connected before the plugin's process was started");
    }
    if (!isSelfOrDescendant(peer.pid(), plugin)) {
      return Optional.of("pid " + peer.pid() + " is not the plugin's process (pid " + plugin + ") nor one of its"
          + " descendants");
    }
    return Optional.empty();
  }

  private static boolean isSelfOrDescendant(long pid, long ancestor) {
    Optional<ProcessHandle> current = ProcessHandle.of(pid);
    while (current.isPresent()) {
      if (current.get().pid() == ancestor) {
        return true;
      }
      current = current.get().parent();
    }
    return false;
  }
}
