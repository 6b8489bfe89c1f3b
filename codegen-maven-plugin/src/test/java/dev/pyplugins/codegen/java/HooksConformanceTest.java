package dev.pyplugins.codegen.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.pyplugins.codegen.TestProtocols;
import dev.pyplugins.codegen.model.MethodModel;
import dev.pyplugins.codegen.model.RpcShape;
import dev.pyplugins.codegen.model.RpcSignature;
import dev.pyplugins.codegen.model.ServiceModel;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every hook of the full protocol, through real gRPC: the generated hooks client, called with distinctive
 * arguments, must deliver exactly those values to a fake plugin-side service, and return the fake's
 * distinctive answer in Java form (streamed bodies both ways for the streaming hooks).
 */
class HooksConformanceTest {

  private static final String PACKAGE = ApiConformanceTest.PACKAGE;
  private static final int EXPECTED_HOOKS = 48;
  private static final Set<String> BODY_FIELDS =
      Set.of(RpcSignature.BODY_CHUNK, RpcSignature.BODY_COMPLETE, RpcSignature.FLUSH);

  private static Javac.Result compiled;
  private static ServiceModel hooks;
  private static JavaNames names;
  private static FakePlugin plugin;
  private static InProcess grpc;
  private static Class<?> grpcClass;
  private static Class<?> hooksInterface;
  private static Object client;

  @BeforeAll
  static void connect() {
    compiled = Javac.fullProtocol();
    assertThat(compiled.errors()).isEmpty();
    hooks = TestProtocols.fullProtocol().model().service("PluginHooks").orElseThrow();
    names = JavaNames.of(hooks);
    grpcClass = compiled.load(PACKAGE + "PluginHooksGrpc");
    plugin = new FakePlugin();
    grpc = new InProcess(plugin.definition(
        (ServiceDescriptor) Reflect.callStatic(grpcClass, "getServiceDescriptor", new Class<?>[0])));
    plugin.answer(implementedMethod(), FakePlugin.Answer.of(implementedAnswer(allHookNames())));
    hooksInterface = compiled.load(PACKAGE + "Hooks");
    client = Reflect.newInstance(compiled.load(PACKAGE + "HooksClient"), new Class<?>[] {Channel.class}, grpc.channel);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    grpc.close();
  }

  @Test
  void everyHookReachesThePluginWithItsArgumentsAndReturnsItsAnswer() {
    List<String> failures = new ArrayList<>();
    int passed = 0;
    for (MethodModel rpc : hooks.methods()) {
      try {
        if (rpc.name().equals(HookPolicy.IMPLEMENTED)) {
          assertThat(Reflect.invoke(Reflect.method(hooksInterface, "implemented"), client))
              .isEqualTo(allHookNames());
        } else {
          check(rpc);
        }
        passed++;
      } catch (Exception | AssertionError e) {
        failures.add(rpc.name() + ": " + e);
      }
    }
    System.out.println("Hooks conformance: " + passed + "/" + hooks.methods().size());

    assertThat(failures).isEmpty();
    assertThat(hooks.methods()).hasSize(EXPECTED_HOOKS);
    assertThat(passed).isEqualTo(EXPECTED_HOOKS);
    assertThat(plugin.received(implementedMethod())).as("Implemented is asked once").hasSize(1);
  }

  private static void check(MethodModel rpc) {
    RpcSignature signature = RpcSignature.of(rpc);
    MethodDescriptor<Message, Message> method = RawCalls.descriptor(grpcClass, rpc.fullMethodName());
    Message request = new Distinctive(rpc.name()).message(RawCalls.requestPrototype(method), BODY_FIELDS);
    Message result = new Distinctive(rpc.name() + "/result").message(RawCalls.responsePrototype(method),
        Set.of(RpcSignature.ERROR_FIELD, RpcSignature.BODY_CHUNK, RpcSignature.BODY_COMPLETE, RpcSignature.FLUSH));
    byte[] body = Bodies.of(rpc.name(), 150_000);
    plugin.forget(rpc.fullMethodName());
    plugin.answer(rpc.fullMethodName(), signature.shape() == RpcShape.BIDI_BODY_STREAM
        ? FakePlugin.Answer.of(streamedAnswer(signature, result, Bodies.reversed(body)).toArray(Message[]::new))
        : FakePlugin.Answer.of(result));

    Method javaMethod = Reflect.method(hooksInterface, names.method(rpc));
    RecordingSink sink = new RecordingSink();
    Object[] extra = switch (signature.shape()) {
      case UNARY -> new Object[0];
      case CLIENT_BODY_STREAM -> new Object[] {new ByteArrayInputStream(body)};
      case BIDI_BODY_STREAM -> new Object[] {new ByteArrayInputStream(body), sink};
    };
    List<FieldDescriptor> parameters = signature.parameters().stream()
        .map(f -> RawCalls.field(request, f.name())).toList();
    Object returned = Reflect.invoke(javaMethod, client, JavaForm.arguments(request, parameters, javaMethod, extra));

    List<FakePlugin.Received> calls = plugin.received(rpc.fullMethodName());
    assertThat(calls).as("calls the plugin received").hasSize(1);
    List<Message> messages = calls.get(0).messages();
    assertThat(messages.get(0)).as("request").isEqualTo(request);
    if (signature.shape() != RpcShape.UNARY) {
      checkRequestBody(messages, body);
    }
    switch (signature.shape() == RpcShape.BIDI_BODY_STREAM ? RpcSignature.ResultKind.VOID : signature.resultKind()) {
      case VOID -> assertThat(returned).as("result").isNull();
      case SINGLE -> assertThat(JavaForm.canonical(returned)).as("result")
          .isEqualTo(JavaForm.expected(result, RawCalls.field(result, signature.results().get(0).name())));
      case MESSAGE -> assertThat(returned).as("result").isEqualTo(result);
    }
    if (signature.shape() == RpcShape.BIDI_BODY_STREAM) {
      FieldDescriptor head = RawCalls.field(result, signature.responseHead().orElseThrow().name());
      assertThat(sink.heads).as("heads").containsExactly(result.getField(head));
      assertThat(sink.body.toByteArray()).as("response body").isEqualTo(Bodies.reversed(body));
      assertThat(sink.flushes).as("flushes").isEqualTo(signature.responseHasFlush() ? 1 : 0);
    }
  }

  private static void checkRequestBody(List<Message> messages, byte[] body) {
    Message first = messages.get(0);
    FieldDescriptor chunk = RawCalls.field(first, RpcSignature.BODY_CHUNK);
    FieldDescriptor complete = RawCalls.field(first, RpcSignature.BODY_COMPLETE);
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    messages.forEach(m -> received.writeBytes(((ByteString) m.getField(chunk)).toByteArray()));
    assertThat(received.toByteArray()).as("request body").isEqualTo(body);
    assertThat(messages).allMatch(m -> ((ByteString) m.getField(chunk)).size() <= 64 * 1024);
    assertThat(messages.get(messages.size() - 1).getField(complete)).as("body_complete at the end").isEqualTo(true);
  }

  /** Head, body in 64 KiB pieces, a flush when the RPC has one, and the end. */
  static List<Message> streamedAnswer(RpcSignature signature, Message result, byte[] body) {
    FieldDescriptor head = RawCalls.field(result, signature.responseHead().orElseThrow().name());
    FieldDescriptor chunk = RawCalls.field(result, RpcSignature.BODY_CHUNK);
    List<Message> messages = new ArrayList<>();
    messages.add(result.newBuilderForType().setField(head, result.getField(head)).build());
    for (int start = 0; start < body.length; start += 64 * 1024) {
      messages.add(result.newBuilderForType().setField(chunk,
          ByteString.copyFrom(body, start, Math.min(64 * 1024, body.length - start))).build());
      if (start == 0 && signature.responseHasFlush()) {
        messages.add(result.newBuilderForType().setField(RawCalls.field(result, RpcSignature.FLUSH), true).build());
      }
    }
    messages.add(result.newBuilderForType().setField(RawCalls.field(result, RpcSignature.BODY_COMPLETE), true).build());
    return messages;
  }

  static String implementedMethod() {
    return hooks.method(HookPolicy.IMPLEMENTED).orElseThrow().fullMethodName();
  }

  static List<String> allHookNames() {
    return hooks.methods().stream().map(MethodModel::name).toList();
  }

  static Message implementedAnswer(List<String> names) {
    Message prototype = RawCalls.responsePrototype(RawCalls.descriptor(grpcClass, implementedMethod()));
    Message.Builder answer = prototype.newBuilderForType();
    names.forEach(n -> answer.addRepeatedField(RawCalls.field(prototype, "hooks"), n));
    return answer.build();
  }
}
