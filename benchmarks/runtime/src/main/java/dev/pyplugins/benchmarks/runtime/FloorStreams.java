package dev.pyplugins.benchmarks.runtime;

import com.google.protobuf.ByteString;
import dev.pyplugins.protocol.v1.HTTPRequestHead;
import dev.pyplugins.protocol.v1.PluginHooksGrpc;
import dev.pyplugins.protocol.v1.ServeHTTPRequest;
import dev.pyplugins.protocol.v1.ServeHTTPResponse;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ClientResponseObserver;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The ServeHTTP floor: a bare grpc-java bidi stream of 64 KiB chunks with the ServeHTTP messages, to the
 * bare grpcio server. Uploads send under gRPC flow control (only while the call is ready); downloads take
 * what the server sends. Both return the bytes moved, checked against what was asked.
 */
final class FloorStreams {
  private final Channel channel;
  private final ByteString chunk = ByteString.copyFrom(HttpBenchmark.chunk());

  FloorStreams(Channel channel) {
    this.channel = channel;
  }

  /** Streams {@code size} bytes to the server, which answers the count. */
  long upload(long size) throws Exception {
    CompletableFuture<Long> counted = new CompletableFuture<>();
    ClientResponseObserver<ServeHTTPRequest, ServeHTTPResponse> observer = new ClientResponseObserver<>() {
      private long sent;
      private boolean done;

      @Override
      public void beforeStart(ClientCallStreamObserver<ServeHTTPRequest> requests) {
        requests.setOnReadyHandler(() -> {
          while (requests.isReady() && !done) {
            ServeHTTPRequest.Builder message = ServeHTTPRequest.newBuilder();
            if (sent == 0) {
              message.setRequest(HTTPRequestHead.newBuilder().setMethod("POST").setUrl("/upload"));
            }
            long left = size - sent;
            message.setBodyChunk(left >= chunk.size() ? chunk : chunk.substring(0, (int) left));
            sent += Math.min(left, chunk.size());
            done = sent == size;
            message.setBodyComplete(done);
            requests.onNext(message.build());
            if (done) {
              requests.onCompleted();
            }
          }
        });
      }

      @Override
      public void onNext(ServeHTTPResponse response) {
        counted.complete(Long.parseLong(response.getBodyChunk().toString(StandardCharsets.US_ASCII)));
      }

      @Override
      public void onError(Throwable t) {
        counted.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {
        counted.completeExceptionally(new IllegalStateException("the floor server answered no count"));
      }
    };
    ClientCalls.asyncBidiStreamingCall(channel.newCall(PluginHooksGrpc.getServeHTTPMethod(), CallOptions.DEFAULT), observer);
    return counted.get();
  }

  /** Asks the server for {@code size} bytes and counts them as they arrive. */
  long download(long size) throws Exception {
    CompletableFuture<Long> received = new CompletableFuture<>();
    ClientResponseObserver<ServeHTTPRequest, ServeHTTPResponse> observer = new ClientResponseObserver<>() {
      private long total;

      @Override
      public void beforeStart(ClientCallStreamObserver<ServeHTTPRequest> requests) {
      }

      @Override
      public void onNext(ServeHTTPResponse response) {
        total += response.getBodyChunk().size();
      }

      @Override
      public void onError(Throwable t) {
        received.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {
        received.complete(total);
      }
    };
    var requests = ClientCalls.asyncBidiStreamingCall(
        channel.newCall(PluginHooksGrpc.getServeHTTPMethod(), CallOptions.DEFAULT), observer);
    requests.onNext(ServeHTTPRequest.newBuilder()
        .setRequest(HTTPRequestHead.newBuilder().setMethod("GET").setUrl("/download?bytes=" + size))
        .setBodyComplete(true).build());
    requests.onCompleted();
    return received.get();
  }
}
