package dev.pyplugins.benchmarks.runtime;

import dev.pyplugins.protocol.v1.CreatePostResponse;
import dev.pyplugins.protocol.v1.GetUserResponse;
import dev.pyplugins.protocol.v1.KVGetResponse;
import dev.pyplugins.protocol.v1.PluginAPIGrpc;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The floor of the API figures: a bare grpc-java server for GetUser, CreatePost and KVGet on a unix socket,
 * with the generated method descriptors (the same marshallers) and the same host {@link InMemoryPluginApi},
 * but none of the runtime's endpoint: no token interceptor, no generated delegate server.
 */
final class BareApiServer implements AutoCloseable {
  private final Server server;

  BareApiServer(FloorTransport transport, Path socket, InMemoryPluginApi api) throws IOException {
    ServerServiceDefinition service = ServerServiceDefinition.builder(PluginAPIGrpc.SERVICE_NAME)
        .addMethod(PluginAPIGrpc.getGetUserMethod(), ServerCalls.asyncUnaryCall((request, response) -> {
          response.onNext(GetUserResponse.newBuilder().setUser(api.getUser(request.getUserId())).build());
          response.onCompleted();
        }))
        .addMethod(PluginAPIGrpc.getCreatePostMethod(), ServerCalls.asyncUnaryCall((request, response) -> {
          response.onNext(CreatePostResponse.newBuilder().setPost(api.createPost(request.getPost())).build());
          response.onCompleted();
        }))
        .addMethod(PluginAPIGrpc.getKVGetMethod(), ServerCalls.asyncUnaryCall((request, response) -> {
          response.onNext(KVGetResponse.newBuilder().setValue(api.kvGet(request.getKey())).build());
          response.onCompleted();
        }))
        .build();
    this.server = transport.server(socket, service);
  }

  @Override
  public void close() {
    try {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
