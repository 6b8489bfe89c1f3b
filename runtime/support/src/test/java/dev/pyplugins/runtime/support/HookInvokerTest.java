package dev.pyplugins.runtime.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HookInvokerTest {

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
  void aUnaryHookReturnsThePluginsAnswer() {
    server.unary = request -> Frame.head("answer to " + request.head());

    Frame answer = new HookInvoker(server.channel, HookCallOptions.defaults()).unary(BodyServer.UNARY,
        Frame.head("question"));

    assertThat(answer.head()).isEqualTo("answer to question");
  }

  @Test
  void aUnaryHookThatMissesItsDeadlineFailsWithTheHookNameFromItsDescriptorAndStatus() {
    server.unary = request -> {
      sleep(2_000);
      return request;
    };
    HookInvoker invoker = new HookInvoker(server.channel,
        HookCallOptions.defaults().withDeadline("Unary", Duration.ofMillis(100)));

    assertThatThrownBy(() -> invoker.unary(BodyServer.UNARY, Frame.head("x")))
        .isInstanceOfSatisfying(HookCallException.class, e -> {
          assertThat(e.hookName()).isEqualTo("Unary");
          assertThat(e.status().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
          assertThat(e).hasMessageStartingWith("hook Unary failed: DEADLINE_EXCEEDED");
        });
  }

  @Test
  void aHookTheServerDoesNotKnowFailsWithUnimplemented() {
    MethodDescriptor<Frame, Frame> unknown = Frame.method(MethodDescriptor.MethodType.UNARY, "Unknown");

    assertThatThrownBy(() -> new HookInvoker(server.channel, HookCallOptions.defaults())
        .unary(unknown, Frame.head("x")))
        .isInstanceOfSatisfying(HookCallException.class,
            e -> assertThat(e.status().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED));
  }

  @Test
  void aStreamingHookDeliversHeadChunksAndFlushesToTheSinkInOrder() throws IOException {
    server.bidi = (head, body, sink) -> {
      sink.head("200 " + new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      sink.chunk(ByteString.copyFromUtf8("data: 1\n"));
      sink.flush();
      sink.chunk(ByteString.copyFromUtf8("data: 2\n"));
      return null;
    };
    List<String> events = new ArrayList<>();

    new HookInvoker(server.channel, HookCallOptions.defaults()).bidi(BodyServer.BIDI,
        Frame.head("GET /events"), new java.io.ByteArrayInputStream("ping".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        recording(events), Frame.REQUESTS, Frame.RESPONSES, response -> null);

    assertThat(events).containsExactly("head 200 ping", "chunk data: 1\n", "flush", "chunk data: 2\n");
  }

  @Test
  void aStreamedErrorIsThrownAsTheExceptionTheCallerMadeOfIt() {
    server.bidi = (head, body, sink) -> Frame.error("app.plugin.failed");

    assertThatThrownBy(() -> new HookInvoker(server.channel, HookCallOptions.defaults()).bidi(BodyServer.BIDI,
        Frame.head("GET /"), InputStream.nullInputStream(), recording(new ArrayList<>()),
        Frame.REQUESTS, Frame.RESPONSES,
        response -> response.error().isEmpty() ? null : new IllegalArgumentException(response.error())))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("app.plugin.failed");
  }

  @Test
  void streamingHooksHaveNoDeadlineByDefaultEvenWhenUnaryOnesHaveAShortOne() throws IOException {
    server.bidi = (head, body, sink) -> {
      sleep(300);
      sink.head("late but fine");
      return null;
    };
    List<String> events = new ArrayList<>();

    new HookInvoker(server.channel, HookCallOptions.defaults().withDefaultDeadline(Duration.ofMillis(50)))
        .bidi(BodyServer.BIDI, Frame.head("GET /"), InputStream.nullInputStream(), recording(events),
            Frame.REQUESTS, Frame.RESPONSES, response -> null);

    assertThat(events).containsExactly("head late but fine");
  }

  @Test
  void aClientStreamingHookReturnsItsOneAnswer() throws IOException {
    server.upload = (head, body) -> Frame.head(head.head() + " got " + body.readAllBytes().length);

    Frame answer = new HookInvoker(server.channel, HookCallOptions.defaults()).clientStream(BodyServer.UPLOAD,
        Frame.head("file"), new PatternStream(100_000), Frame.REQUESTS);

    assertThat(answer.head()).isEqualTo("file got 100000");
  }

  private static BodySink<String> recording(List<String> events) {
    return new BodySink<>() {
      @Override
      public void head(String head) {
        events.add("head " + head);
      }

      @Override
      public void chunk(ByteString data) {
        events.add("chunk " + data.toStringUtf8());
      }

      @Override
      public void flush() {
        events.add("flush");
      }
    };
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
