package dev.pyplugins.codegen.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the generated API server of the full protocol answers failures and empty results. */
class PluginApiServerBehaviourTest {

  private static final String PACKAGE = ApiConformanceTest.PACKAGE;

  private final Javac.Result compiled = Javac.fullProtocol();
  private final Class<?> serverClass = compiled.load(PACKAGE + "PluginApiServer");
  private RecordingApi recording;
  private InProcess grpc;

  @BeforeEach
  void serve() {
    Class<?> apiInterface = compiled.load(PACKAGE + "PluginApi");
    recording = new RecordingApi(serverClass);
    Object proxy = Proxy.newProxyInstance(compiled.loader(), new Class<?>[] {apiInterface}, recording);
    grpc = new InProcess(((BindableService) Reflect.newInstance(serverClass, new Class<?>[] {apiInterface}, proxy))
        .bindService());
  }

  @AfterEach
  void stop() throws InterruptedException {
    grpc.close();
  }

  @Test
  void anUnexpectedExceptionIsAnsweredAsAnInternalErrorWithoutItsDetails() {
    recording.plan((method, args) -> {
      throw new IllegalStateException("secret: the database password is hunter2");
    });

    Message response = getUser();

    Message error = (Message) response.getField(RawCalls.field(response, "error"));
    assertThat(error.getField(RawCalls.field(error, "status_code"))).isEqualTo(500);
    assertThat(error.getField(RawCalls.field(error, "id"))).isEqualTo("plugin.api.internal_error");
    assertThat(error.getField(RawCalls.field(error, "message"))).isEqualTo("An internal error occurred.");
    assertThat(error.getField(RawCalls.field(error, "where"))).isEqualTo("GetUser");
    assertThat(error.toString()).doesNotContain("secret", "hunter2", "IllegalStateException");
  }

  @Test
  void aNullResultIsAnsweredWithoutTheResultField() {
    recording.plan((method, args) -> null);

    Message response = getUser();

    assertThat(response).isEqualTo(response.getDefaultInstanceForType());
  }

  @Test
  void theCallerAndTheRequestContextExistOnlyDuringACall() {
    assertThat(Reflect.callStatic(serverClass, "caller", new Class<?>[0])).isEqualTo(Optional.empty());
    assertThat(Reflect.callStatic(serverClass, "requestContext", new Class<?>[0])).isNull();
  }

  private Message getUser() {
    MethodDescriptor<Message, Message> method = RawCalls.descriptor(compiled.load(PACKAGE + "PluginAPIGrpc"),
        "mattermost.pluginapi.v1.PluginAPI/GetUser");
    Message request = new Distinctive("GetUser").message(RawCalls.requestPrototype(method), Set.of());
    return ClientCalls.blockingUnaryCall(grpc.channel, method, CallOptions.DEFAULT, request);
  }
}
