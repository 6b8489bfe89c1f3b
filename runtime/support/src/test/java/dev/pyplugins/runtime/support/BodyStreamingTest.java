package dev.pyplugins.runtime.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.CallOptions;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BodyStreamingTest {

  private static final int CHUNK = BodyChunks.CHUNK_SIZE;

  private BodyServer server;

  @BeforeEach
  void start() throws IOException {
    server = new BodyServer();
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.close();
  }

  @Test
  void aLargeBodyTravelsBothWaysIntactInPiecesOfAtMost64KiB() throws IOException {
    List<Integer> requestPieces = new ArrayList<>();
    server.bidi = (head, body, sink) -> {
      sink.head("echo " + head.head());
      byte[] buffer = new byte[3 * CHUNK];
      for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
        requestPieces.add(n);
        sink.chunk(ByteString.copyFrom(buffer, 0, n));
      }
      return null;
    };
    long length = 5L * CHUNK + 123;
    Received received = new Received();

    server.callBidi(Frame.head("GET /"), new PatternStream(length), received);

    assertThat(received.heads).containsExactly("echo GET /");
    assertThat(received.body.size()).isEqualTo(length);
    byte[] body = received.body.toByteArray();
    for (int i = 0; i < body.length; i++) {
      assertThat(body[i]).as("byte %d", i).isEqualTo(PatternStream.at(i));
    }
    assertThat(requestPieces).allMatch(n -> n <= CHUNK);
    assertThat(received.pieceSizes).allMatch(n -> n > 0 && n <= CHUNK);
    assertThat(received.completed).isTrue();
  }

  @Test
  void aSlowServerHandlerKeepsTheClientFromReadingFarAheadOfIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicLong consumed = new AtomicLong();
    AtomicLong maxLead = new AtomicLong();
    PatternStream source = new PatternStream(64L * CHUNK);
    server.bidi = (head, body, sink) -> {
      await(release);
      byte[] buffer = new byte[8192];
      for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
        consumed.addAndGet(n);
        maxLead.accumulateAndGet(source.bytesRead() - consumed.get(), Math::max);
      }
      sink.head("done");
      return null;
    };
    CompletableFuture<Void> call = CompletableFuture.runAsync(() -> callQuietly(source, new Received()));

    long readWhileBlocked = Await.settled(source::bytesRead, 200);
    release.countDown();
    call.get(30, TimeUnit.SECONDS);

    assertThat(readWhileBlocked).as("bytes the client read while the handler read none").isLessThanOrEqualTo(3L * CHUNK);
    assertThat(maxLead.get()).as("most bytes read ahead of the handler").isLessThanOrEqualTo(4L * CHUNK);
    assertThat(consumed.get()).isEqualTo(64L * CHUNK);
  }

  @Test
  void aSlowResponseSinkKeepsTheServerFromSendingFarAheadOfIt() throws Exception {
    AtomicLong produced = new AtomicLong();
    int pieces = 64;
    server.bidi = (head, body, sink) -> {
      sink.head("200");
      for (int i = 0; i < pieces; i++) {
        sink.chunk(ByteString.copyFrom(new byte[CHUNK]));
        produced.addAndGet(CHUNK);
      }
      return null;
    };
    AtomicLong consumed = new AtomicLong();
    AtomicLong maxLead = new AtomicLong();
    AtomicLong producedWhileBlocked = new AtomicLong(-1);

    server.callBidi(Frame.head("GET /"), InputStream.nullInputStream(), response -> {
      if (!response.chunk().isEmpty()) {
        if (producedWhileBlocked.get() < 0) {
          producedWhileBlocked.set(settled(produced));
        }
        consumed.addAndGet(response.chunk().size());
        maxLead.accumulateAndGet(produced.get() - consumed.get(), Math::max);
      }
    });

    // the client's prefetch, plus what the transport holds before the server sees it is not ready
    long bound = (ClientBodyCall.PREFETCH + 2L) * CHUNK;
    assertThat(producedWhileBlocked.get()).as("bytes sent while the sink took none").isLessThanOrEqualTo(bound);
    assertThat(maxLead.get()).as("most bytes sent ahead of the sink").isLessThanOrEqualTo(bound);
    assertThat(consumed.get()).isEqualTo((long) pieces * CHUNK);
  }

  @Test
  void theServerMayAnswerBeforeTheRequestBodyHasBeenSent() throws IOException {
    server.bidi = (head, body, sink) -> {
      sink.head("413 too large");
      return null;
    };
    PatternStream endless = new PatternStream(Long.MAX_VALUE);
    Received received = new Received();

    server.callBidi(Frame.head("POST /upload"), endless, received);

    assertThat(received.heads).containsExactly("413 too large");
    assertThat(received.completed).isTrue();
    assertThat(endless.bytesRead()).isLessThan(4L * CHUNK);
  }

  @Test
  void aFailingSinkCancelsTheCallAndTheServerSeesTheCancellation() throws Exception {
    CompletableFuture<IOException> serverSaw = new CompletableFuture<>();
    server.bidi = (head, body, sink) -> {
      sink.head("200");
      try {
        while (true) {
          sink.chunk(ByteString.copyFrom(new byte[CHUNK]));
        }
      } catch (IOException e) {
        serverSaw.complete(e);
        throw e;
      }
    };

    assertThatThrownBy(() -> server.callBidi(Frame.head("GET /"), InputStream.nullInputStream(), response -> {
      if (!response.chunk().isEmpty()) {
        throw new IOException("the HTTP client went away");
      }
    })).isInstanceOf(IOException.class).hasMessage("the HTTP client went away");

    assertThat(serverSaw.get(5, TimeUnit.SECONDS)).hasMessageContaining("cancelled");
  }

  @Test
  void aFailingRequestBodyCancelsTheCallAndItsExceptionIsRethrown() throws Exception {
    CompletableFuture<IOException> serverSaw = new CompletableFuture<>();
    server.bidi = (head, body, sink) -> {
      try {
        body.transferTo(OutputStream.nullOutputStream());
        serverSaw.complete(null);
      } catch (IOException e) {
        serverSaw.complete(e);
        throw e;
      }
      return null;
    };

    assertThatThrownBy(() -> server.callBidi(Frame.head("POST /"), new PatternStream(10L * CHUNK, 2L * CHUNK + 5),
        new Received())).isInstanceOf(IOException.class).hasMessage("the upload broke off");

    assertThat(serverSaw.get(5, TimeUnit.SECONDS)).isNotNull().hasMessageContaining("cancelled");
  }

  @Test
  void aClientStreamingCallDeliversTheWholeBodyAndReturnsTheOneResponse() throws IOException {
    server.upload = (head, body) -> Frame.head(head.head() + " " + body.readAllBytes().length);
    AtomicReference<Frame> answer = new AtomicReference<>();

    ClientBodyCall.run(server.channel, BodyServer.UPLOAD, CallOptions.DEFAULT, server.handlers, Frame.head("bundle"),
        new PatternStream(3L * CHUNK + 1), Frame.REQUESTS, answer::set);

    assertThat(answer.get().head()).isEqualTo("bundle " + (3 * CHUNK + 1));
  }

  @Test
  void theHandlerRunsWithTheAuthenticatedCallerOfTheCall() throws IOException {
    server.bidi = (head, body, sink) -> {
      sink.head(PluginCaller.current().map(PluginCaller::pluginId).orElse("nobody"));
      return null;
    };
    Received received = new Received();

    server.callBidi(Frame.head("GET /"), InputStream.nullInputStream(), received);

    assertThat(received.heads).containsExactly(BodyServer.CALLER);
  }

  @Test
  void aBodyThatEndsWithoutBodyCompleteFailsTheReadAfterTheBytesThatArrived() throws Exception {
    CompletableFuture<String> serverSaw = new CompletableFuture<>();
    server.bidi = (head, body, sink) -> {
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buffer = new byte[100];
      try {
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
          got.write(buffer, 0, n);
        }
        serverSaw.complete("no failure after " + got.size());
      } catch (IOException e) {
        serverSaw.complete(e.getMessage() + " after " + got.size());
      }
      return Frame.error("truncated");
    };
    Received received = new Received();
    var requests = io.grpc.stub.ClientCalls.asyncBidiStreamingCall(
        server.channel.newCall(BodyServer.BIDI, CallOptions.DEFAULT), received.asObserver());

    requests.onNext(Frame.head("POST /"));
    requests.onNext(Frame.chunk(ByteString.copyFromUtf8("twelve bytes")));
    requests.onCompleted();

    assertThat(serverSaw.get(5, TimeUnit.SECONDS)).isEqualTo("the request body ended without body_complete after 12");
  }

  @Test
  void anExceptionEscapingTheHandlerFailsTheCallWithoutItsDetails() {
    server.bidi = (head, body, sink) -> {
      throw new IllegalStateException("secret detail");
    };

    assertThatThrownBy(() -> server.callBidi(Frame.head("GET /"), InputStream.nullInputStream(), new Received()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
          assertThat(e.getStatus().getDescription()).isEqualTo("internal error");
        });
  }

  private void callQuietly(InputStream body, Received received) {
    try {
      server.callBidi(Frame.head("POST /"), body, received);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long settled(AtomicLong counter) throws IOException {
    try {
      return Await.settled(counter::get, 200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException();
    }
  }

  private static void await(CountDownLatch latch) throws IOException {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IOException("the test never released the handler");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException();
    }
  }

  /** Collects what a client receives. */
  static final class Received implements ClientBodyCall.ResponseHandler<Frame> {
    final List<String> heads = new ArrayList<>();
    final List<Integer> pieceSizes = new ArrayList<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    volatile boolean completed;

    @Override
    public void onResponse(Frame response) {
      if (!response.head().isEmpty()) {
        heads.add(response.head());
      }
      if (!response.chunk().isEmpty()) {
        pieceSizes.add(response.chunk().size());
        body.writeBytes(response.chunk().toByteArray());
      }
      if (response.complete()) {
        completed = true;
      }
    }

    io.grpc.stub.StreamObserver<Frame> asObserver() {
      return new io.grpc.stub.StreamObserver<>() {
        @Override
        public void onNext(Frame value) {
          onResponse(value);
        }

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {}
      };
    }
  }
}
