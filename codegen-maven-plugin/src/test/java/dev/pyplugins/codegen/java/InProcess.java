package dev.pyplugins.codegen.java;

import dev.pyplugins.runtime.support.PluginCaller;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * An in-process gRPC server for one service and a channel to it. The server authenticates every call as
 * {@link #CALLER}, as the runtime's interceptor would.
 */
final class InProcess {

  static final PluginCaller CALLER = new PluginCaller("com.example.conformance");

  private final Server server;
  final ManagedChannel channel;

  InProcess(ServerServiceDefinition service) {
    String name = InProcessServerBuilder.generateName();
    try {
      server = InProcessServerBuilder.forName(name)
          .addService(ServerInterceptors.intercept(service, new AuthenticatedAs()))
          .build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    channel = InProcessChannelBuilder.forName(name).build();
  }

  void close() throws InterruptedException {
    channel.shutdownNow();
    server.shutdownNow();
    channel.awaitTermination(5, TimeUnit.SECONDS);
    server.awaitTermination(5, TimeUnit.SECONDS);
  }

  private static final class AuthenticatedAs implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
        ServerCallHandler<Q, R> next) {
      return Contexts.interceptCall(CALLER.attachTo(Context.current()), call, headers, next);
    }
  }
}
