package dev.pyplugins.runtime.internal.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pyplugins.protocol.v1.GetServerVersionRequest;
import dev.pyplugins.protocol.v1.PluginAPIGrpc;
import dev.pyplugins.protocol.v1.PluginApiServer;
import dev.pyplugins.runtime.testing.CallerEchoApi;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token check on its own, over gRPC's in-process transport. */
class CallerAuthenticatorTest {
  private final ApiToken token = ApiToken.random();
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(ServerInterceptors.intercept(new PluginApiServer(new CallerEchoApi()),
            new CallerAuthenticator("com.example.me", token)))
        .build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  private String call(String authorization) {
    PluginAPIGrpc.PluginAPIBlockingStub stub = PluginAPIGrpc.newBlockingStub(channel);
    if (authorization != null) {
      Metadata headers = new Metadata();
      headers.put(CallerAuthenticator.AUTHORIZATION, authorization);
      stub = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
    return stub.getServerVersion(GetServerVersionRequest.getDefaultInstance()).getVersion();
  }

  @ParameterizedTest(name = "token presented as \"{0}\"")
  @ValueSource(strings = {"Bearer %s", "bearer %s", "Bearer  %s "})
  void theTokenAdmitsTheCallAndNamesThePlugin(String form) {
    assertThat(call(form.formatted(token.value()))).isEqualTo("caller=com.example.me");
  }

  @ParameterizedTest(name = "refused: \"{0}\"")
  @ValueSource(strings = {"", "Bearer", "Bearer ", "Basic %s", "%s", "Bearer x%s", "Bearer other"})
  void anythingElseIsUnauthenticated(String form) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> call(form.contains("%s") ? form.formatted(token.value()) : form));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void noHeaderIsUnauthenticated() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> call(null));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(e.getStatus().getDescription()).contains("API token");
  }
}
