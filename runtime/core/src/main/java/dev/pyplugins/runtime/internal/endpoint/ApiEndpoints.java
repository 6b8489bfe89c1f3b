package dev.pyplugins.runtime.internal.endpoint;

import dev.pyplugins.runtime.internal.dispatch.CallRecorder;
import dev.pyplugins.protocol.v1.PluginApi;
import dev.pyplugins.protocol.v1.PluginApiServer;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.InternalNettyServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens per-plugin API endpoints for one host {@link PluginApi}: every endpoint serves the same generated
 * {@link PluginApiServer} behind its own {@link PeerProcessNegotiator} (the connecting process must be the
 * plugin's) and {@link CallerAuthenticator} (the call must carry the plugin's token), on the event loop
 * group the host's plugin channels use (no threads per endpoint beyond gRPC's call executor). A request
 * larger than {@code RuntimeOptions.maxMessageSize} (64 MiB by default; go-plugin's host allows 2 GiB, and one
 * plugin's 100 MB CreatePost exhausted a host's heap) is refused by the transport before it is read: the
 * plugin gets RESOURCE_EXHAUSTED naming the limit, the host logs which plugin and method hit which option
 * ({@link OversizedRequestLog}), and the endpoint serves the next call. Thread-safe; the event loop group
 * belongs to the caller.
 */
public final class ApiEndpoints {
  private final ServerServiceDefinition service;
  private final EventLoopGroup eventLoops;
  private final CallRecorder calls;
  private final int maxMessageSize;

  public ApiEndpoints(PluginApi hostApi, EventLoopGroup eventLoops, CallRecorder calls, int maxMessageSize) {
    this.service = new PluginApiServer(hostApi).bindService();
    this.eventLoops = eventLoops;
    this.calls = calls;
    this.maxMessageSize = maxMessageSize;
  }

  /**
   * Starts an endpoint for {@code pluginId} on {@code socketDirectory/api.sock} with a fresh token,
   * admitting no connection until {@link ApiEndpoint#admit} names the plugin's process.
   *
   * @param socketDirectory the plugin's private 0700 directory (the only way in for other users)
   * @throws IOException when the socket cannot be bound
   */
  public ApiEndpoint open(String pluginId, Path socketDirectory) throws IOException {
    Path socket = socketDirectory.resolve(ApiEndpoint.SOCKET_NAME);
    ApiToken token = ApiToken.random();
    PeerProcessNegotiator peers = new PeerProcessNegotiator(pluginId);
    Server server = NettyServerBuilder.forAddress(new DomainSocketAddress(socket.toString()),
            InternalNettyServerCredentials.create(peers))
        .channelType(EpollServerDomainSocketChannel.class)
        .withChildOption(ChannelOption.SO_KEEPALIVE, null) // TCP only; unset, Netty warns per connection
        .bossEventLoopGroup(eventLoops)
        .workerEventLoopGroup(eventLoops)
        .maxInboundMessageSize(maxMessageSize)
        .maxInboundMetadataSize(64 * 1024)
        .addStreamTracerFactory(new OversizedRequestLog(pluginId, maxMessageSize))
        // The last interceptor runs first: a call is authenticated before it is timed.
        .addService(ServerInterceptors.intercept(service, new ApiCallInterceptor(pluginId, calls),
            new CallerAuthenticator(pluginId, token)))
        .build();
    server.start();
    return new ApiEndpoint(pluginId, socket, token, peers, server);
  }
}
