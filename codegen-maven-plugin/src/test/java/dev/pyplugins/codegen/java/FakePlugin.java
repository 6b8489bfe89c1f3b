package dev.pyplugins.codegen.java;

import com.google.protobuf.Message;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The plugin side of the hooks service, built generically from the generated service descriptor, as a
 * plugin in any language would serve it: each method records what it received (and the deadline the call
 * carried) and answers with the messages the test put in place, or fails with a status, or stalls.
 */
final class FakePlugin {

  /** What a method answers: messages (one for unary and client-streaming calls), or a failure status. */
  record Answer(List<Message> messages, Status failure, long delayMillis) {
    static Answer of(Message... messages) {
      return new Answer(List.of(messages), null, 0);
    }

    static Answer failing(Status status) {
      return new Answer(List.of(), status, 0);
    }

    Answer delayed(long millis) {
      return new Answer(messages, failure, millis);
    }
  }

  /** One call as the plugin saw it. */
  record Received(List<Message> messages, Optional<Deadline> deadline) {}

  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, List<Received>> received = new ConcurrentHashMap<>();

  /** Sets what the method of that full name answers from now on. */
  void answer(String fullMethodName, Answer answer) {
    answers.put(fullMethodName, answer);
  }

  /** The calls the method received so far. */
  List<Received> received(String fullMethodName) {
    return List.copyOf(received.getOrDefault(fullMethodName, List.of()));
  }

  /** Forgets what the method received so far. */
  void forget(String fullMethodName) {
    received.remove(fullMethodName);
  }

  /** A service definition answering every method of {@code service}. */
  ServerServiceDefinition definition(ServiceDescriptor service) {
    ServerServiceDefinition.Builder builder = ServerServiceDefinition.builder(service);
    for (MethodDescriptor<?, ?> method : service.getMethods()) {
      builder.addMethod(define(method));
    }
    return builder.build();
  }

  private <Q, R> ServerMethodDefinition<Q, R> define(MethodDescriptor<Q, R> method) {
    String name = method.getFullMethodName();
    return switch (method.getType()) {
      case UNARY, SERVER_STREAMING -> ServerMethodDefinition.create(method, ServerCalls.asyncUnaryCall(
          (request, responses) -> respond(name, List.of((Message) request), responses)));
      case CLIENT_STREAMING -> ServerMethodDefinition.create(method, ServerCalls.asyncClientStreamingCall(
          responses -> collect(name, responses)));
      case BIDI_STREAMING -> ServerMethodDefinition.create(method, ServerCalls.asyncBidiStreamingCall(
          responses -> collect(name, responses)));
      case UNKNOWN -> throw new IllegalArgumentException("unknown method type of " + name);
    };
  }

  private <Q, R> StreamObserver<Q> collect(String name, StreamObserver<R> responses) {
    List<Message> messages = new ArrayList<>();
    return new StreamObserver<>() {
      @Override
      public void onNext(Q value) {
        messages.add((Message) value);
      }

      @Override
      public void onError(Throwable t) {
        record(name, messages);
      }

      @Override
      public void onCompleted() {
        respond(name, messages, responses);
      }
    };
  }

  @SuppressWarnings("unchecked")
  private <R> void respond(String name, List<Message> messages, StreamObserver<R> responses) {
    record(name, messages);
    Answer answer = answers.get(name);
    if (answer == null) {
      responses.onError(Status.FAILED_PRECONDITION.withDescription("the test set no answer for " + name)
          .asRuntimeException());
      return;
    }
    if (answer.delayMillis() > 0) {
      try {
        Thread.sleep(answer.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (answer.failure() != null) {
      responses.onError(answer.failure().asRuntimeException());
      return;
    }
    answer.messages().forEach(m -> responses.onNext((R) m));
    responses.onCompleted();
  }

  private void record(String name, List<Message> messages) {
    received.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>())
        .add(new Received(List.copyOf(messages), Optional.ofNullable(Context.current().getDeadline())));
  }
}
