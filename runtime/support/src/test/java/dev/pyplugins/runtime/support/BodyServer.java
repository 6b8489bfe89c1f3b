package dev.pyplugins.runtime.support;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.ServerCalls;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * An in-process gRPC server with one method of each shape over {@link Frame}s, whose handlers the test sets,
 * and a client channel that authenticates as plugin {@code com.example.caller}.
 */
final class BodyServer {

  static final MethodDescriptor<Frame, Frame> BIDI = Frame.method(MethodDescriptor.MethodType.BIDI_STREAMING, "Bidi");
  static final MethodDescriptor<Frame, Frame> UPLOAD =
      Frame.method(MethodDescriptor.MethodType.CLIENT_STREAMING, "Upload");
  static final MethodDescriptor<Frame, Frame> UNARY = Frame.method(MethodDescriptor.MethodType.UNARY, "Unary");
  static final String CALLER = "com.example.caller";

  private static final Metadata.Key<String> PLUGIN_ID = Metadata.Key.of("x-plugin-id", Metadata.ASCII_STRING_MARSHALLER);

  volatile ServerBodyCalls.BidiHandler<Frame, Frame, String> bidi;
  volatile ServerBodyCalls.ClientStreamHandler<Frame, Frame> upload;
  volatile UnaryOperator<Frame> unary;

  final ExecutorService handlers = Executors.newCachedThreadPool();
  private final Server server;
  private final ManagedChannel managedChannel;
  final Channel channel;

  BodyServer() throws IOException {
    String name = InProcessServerBuilder.generateName();
    ServerServiceDefinition service = ServerServiceDefinition.builder("test.Bodies")
        .addMethod(BIDI, ServerCalls.asyncBidiStreamingCall(
            responses -> ServerBodyCalls.bidi(responses, handlers, Frame.REQUESTS, Frame.RESPONSES,
                (head, body, sink) -> bidi.handle(head, body, sink))))
        .addMethod(UPLOAD, ServerCalls.asyncClientStreamingCall(
            responses -> ServerBodyCalls.clientStream(responses, handlers, Frame.REQUESTS,
                (head, body) -> upload.handle(head, body))))
        .addMethod(UNARY, ServerCalls.asyncUnaryCall((request, responses) -> {
          responses.onNext(unary.apply(request));
          responses.onCompleted();
        }))
        .build();
    server = InProcessServerBuilder.forName(name).addService(ServerInterceptors.intercept(service, new Authenticate()))
        .build().start();
    managedChannel = InProcessChannelBuilder.forName(name).build();
    Metadata credentials = new Metadata();
    credentials.put(PLUGIN_ID, CALLER);
    channel = ClientInterceptors.intercept(managedChannel, MetadataUtils.newAttachHeadersInterceptor(credentials));
  }

  /** A bidi call through {@link ClientBodyCall}, responses to the handler. */
  void callBidi(Frame head, InputStream body, ClientBodyCall.ResponseHandler<Frame> handler) throws IOException {
    ClientBodyCall.run(channel, BIDI, CallOptions.DEFAULT, handlers, head, body, Frame.REQUESTS, handler);
  }

  void close() throws InterruptedException {
    managedChannel.shutdownNow();
    server.shutdownNow();
    handlers.shutdownNow();
    managedChannel.awaitTermination(5, TimeUnit.SECONDS);
    server.awaitTermination(5, TimeUnit.SECONDS);
  }

  /** Stands in for the runtime's interceptor: the caller comes from the connection's credential. */
  private static final class Authenticate implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
        ServerCallHandler<Q, R> next) {
      String pluginId = headers.get(PLUGIN_ID);
      Context context = pluginId == null ? Context.current() : new PluginCaller(pluginId).attachTo(Context.current());
      return Contexts.interceptCall(context, call, headers, next);
    }
  }
}
