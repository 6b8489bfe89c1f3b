package dev.pyplugins.codegen.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.pyplugins.codegen.TestProtocols;
import dev.pyplugins.codegen.model.FieldKind;
import dev.pyplugins.codegen.model.FieldModel;
import dev.pyplugins.codegen.model.MethodModel;
import dev.pyplugins.codegen.model.RpcShape;
import dev.pyplugins.codegen.model.RpcSignature;
import dev.pyplugins.codegen.model.ServiceModel;
import dev.pyplugins.runtime.support.BodySink;
import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every API RPC of the full protocol, through real gRPC: a raw client call with distinctive values in every
 * request field must reach a recording PluginApi with exactly those values as arguments, and the
 * distinctive result the PluginApi returns must come back in the response; an AppErrorException it throws
 * must come back as the response's error with every field intact.
 */
class ApiConformanceTest {

  static final String PACKAGE = "dev.pyplugins.protocol.v1.";
  private static final int EXPECTED_RPCS = 261;
  private static final Set<String> BODY_FIELDS =
      Set.of(RpcSignature.BODY_CHUNK, RpcSignature.BODY_COMPLETE, RpcSignature.FLUSH);

  private static Javac.Result compiled;
  private static ServiceModel api;
  private static JavaNames names;
  private static RecordingApi recording;
  private static InProcess grpc;

  @BeforeAll
  static void serve() {
    compiled = Javac.fullProtocol();
    assertThat(compiled.errors()).isEmpty();
    api = TestProtocols.fullProtocol().model().service("PluginAPI").orElseThrow();
    names = JavaNames.of(api);
    Class<?> apiInterface = compiled.load(PACKAGE + "PluginApi");
    Class<?> serverClass = compiled.load(PACKAGE + "PluginApiServer");
    recording = new RecordingApi(serverClass);
    Object proxy = Proxy.newProxyInstance(compiled.loader(), new Class<?>[] {apiInterface}, recording);
    BindableService server = (BindableService) Reflect.newInstance(serverClass, new Class<?>[] {apiInterface}, proxy);
    grpc = new InProcess(server.bindService());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    grpc.close();
  }

  @Test
  void everyApiRpcReachesThePluginApiWithItsArgumentsAndAnswersWithItsResultOrError() {
    List<String> failures = new ArrayList<>();
    int passed = 0;
    for (MethodModel rpc : api.methods()) {
      try {
        check(rpc);
        passed++;
      } catch (Exception | AssertionError e) {
        failures.add(rpc.name() + ": " + e);
      }
    }
    System.out.println("API conformance: " + passed + "/" + api.methods().size());

    assertThat(failures).isEmpty();
    assertThat(api.methods()).hasSize(EXPECTED_RPCS);
    assertThat(passed).isEqualTo(EXPECTED_RPCS);
  }

  private static void check(MethodModel rpc) throws Exception {
    RpcSignature signature = RpcSignature.of(rpc);
    MethodDescriptor<Message, Message> method = RawCalls.descriptor(compiled.load(PACKAGE + "PluginAPIGrpc"),
        rpc.fullMethodName());
    Message request = new Distinctive(rpc.name()).message(RawCalls.requestPrototype(method), BODY_FIELDS);
    Message result = new Distinctive(rpc.name() + "/result").message(RawCalls.responsePrototype(method),
        Set.of(RpcSignature.ERROR_FIELD, RpcSignature.BODY_CHUNK, RpcSignature.BODY_COMPLETE, RpcSignature.FLUSH));
    byte[] body = signature.shape() == RpcShape.UNARY ? new byte[0] : Bodies.of(rpc.name(), 150_000);

    RecordingApi.Plan succeed = (m, args) -> answer(signature, m, args, result, body);
    recording.plan(succeed);
    List<Message> responses = RawCalls.call(grpc.channel, method, signature, request, body);
    checkArguments(rpc, signature, request, body);
    checkAnswer(signature, responses, result, body);

    for (Message oneHot : Booleans.oneHot(request, signature)) {
      recording.plan(succeed);
      RawCalls.call(grpc.channel, method, signature, oneHot, body);
      checkArguments(rpc, signature, oneHot, body);
    }

    Message appError = AppErrors.distinctive(rpc.name());
    recording.plan((m, args) -> {
      throw AppErrors.exception(compiled, appError);
    });
    responses = RawCalls.call(grpc.channel, method, signature, request, body);
    FieldDescriptor error = RawCalls.field(result, RpcSignature.ERROR_FIELD);
    assertThat(responses).as("responses to an AppErrorException")
        .containsExactly(result.newBuilderForType().setField(error, appError).build());
  }

  /** What the recording PluginApi does on a successful call: return the result, or stream it to the sink. */
  private static Object answer(RpcSignature signature, Method method, Object[] args, Message result, byte[] body)
      throws Exception {
    if (signature.shape() == RpcShape.BIDI_BODY_STREAM) {
      @SuppressWarnings("unchecked")
      BodySink<Object> sink = (BodySink<Object>) args[args.length - 1];
      sink.head(result.getField(RawCalls.field(result, signature.responseHead().orElseThrow().name())));
      sink.chunk(ByteString.copyFrom(Bodies.reversed(body)));
      if (signature.responseHasFlush()) {
        sink.flush();
      }
      return null;
    }
    return switch (signature.resultKind()) {
      case VOID -> null;
      case SINGLE -> JavaForm.toJava(JavaForm.expected(result,
          RawCalls.field(result, signature.results().get(0).name())), method.getGenericReturnType());
      case MESSAGE -> result;
    };
  }

  private static void checkArguments(MethodModel rpc, RpcSignature signature, Message request, byte[] body) {
    RecordingApi.Call call = recording.onlyCall();
    assertThat(call.method().getName()).isEqualTo(names.method(rpc));
    int streams = signature.shape() == RpcShape.UNARY ? 0 : signature.shape() == RpcShape.CLIENT_BODY_STREAM ? 1 : 2;
    assertThat(call.args()).hasSize(signature.parameters().size() + streams);
    for (int i = 0; i < signature.parameters().size(); i++) {
      FieldModel parameter = signature.parameters().get(i);
      assertThat(JavaForm.canonical(call.args().get(i))).as("argument %s", parameter.name())
          .isEqualTo(JavaForm.expected(request, RawCalls.field(request, parameter.name())));
    }
    if (streams > 0) {
      assertThat(call.body()).as("request body").isEqualTo(body);
    }
    signature.context().ifPresent(context -> assertThat(call.requestContext()).as("requestContext()")
        .isEqualTo(request.getField(RawCalls.field(request, context.name()))));
    assertThat(call.caller()).as("caller()").contains(InProcess.CALLER);
  }

  private static void checkAnswer(RpcSignature signature, List<Message> responses, Message result, byte[] body) {
    if (signature.shape() != RpcShape.BIDI_BODY_STREAM) {
      assertThat(responses).as("response").containsExactly(result);
      return;
    }
    FieldDescriptor head = RawCalls.field(result, signature.responseHead().orElseThrow().name());
    FieldDescriptor chunk = RawCalls.field(result, RpcSignature.BODY_CHUNK);
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    responses.forEach(r -> received.writeBytes(((ByteString) r.getField(chunk)).toByteArray()));
    assertThat(responses.get(0).getField(head)).as("head").isEqualTo(result.getField(head));
    assertThat(received.toByteArray()).as("response body").isEqualTo(Bodies.reversed(body));
    assertThat(responses).allMatch(r -> ((ByteString) r.getField(chunk)).size() <= 64 * 1024);
    assertThat(responses).noneMatch(r -> r.hasField(RawCalls.field(result, RpcSignature.ERROR_FIELD)));
    if (signature.responseHasFlush()) {
      FieldDescriptor flush = RawCalls.field(result, RpcSignature.FLUSH);
      assertThat(responses).anyMatch(r -> (Boolean) r.getField(flush));
    }
    assertThat(responses.get(responses.size() - 1).getField(RawCalls.field(result, RpcSignature.BODY_COMPLETE)))
        .as("body_complete at the end").isEqualTo(true);
  }

  /** Requests where exactly one boolean parameter is true, for RPCs with several (their values cannot differ). */
  static final class Booleans {
    private Booleans() {}

    static List<Message> oneHot(Message request, RpcSignature signature) {
      List<FieldModel> flags = signature.parameters().stream()
          .filter(f -> f.kind() == FieldKind.BOOL && f.cardinality() == FieldModel.Cardinality.SINGULAR).toList();
      if (flags.size() < 2) {
        return List.of();
      }
      List<Message> requests = new ArrayList<>();
      for (FieldModel on : flags) {
        Message.Builder builder = request.toBuilder();
        flags.forEach(f -> builder.setField(RawCalls.field(request, f.name()), f == on));
        requests.add(builder.build());
      }
      return requests;
    }
  }
}
