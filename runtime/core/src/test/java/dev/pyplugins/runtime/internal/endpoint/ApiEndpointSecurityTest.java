package dev.pyplugins.runtime.internal.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pyplugins.protocol.v1.GetServerVersionRequest;
import dev.pyplugins.protocol.v1.PluginAPIGrpc;
import dev.pyplugins.runtime.PluginCallListener;
import dev.pyplugins.runtime.RuntimeOptions;
import dev.pyplugins.runtime.internal.dispatch.CallRecorder;
import dev.pyplugins.runtime.internal.handshake.HandshakeLine;
import dev.pyplugins.runtime.internal.handshake.Network;
import dev.pyplugins.runtime.internal.transport.PluginChannels;
import dev.pyplugins.runtime.testing.CallerEchoApi;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local process of the same user (this test's JVM, past the 0700 directory) dials a plugin's API socket.
 * The endpoint admits only the plugin's own process, by {@code SO_PEERCRED}: while another pid is the
 * plugin's, even the right token gets nowhere; once this JVM's pid is the plugin's, only the right token in
 * the right scheme gets in, and the host then sees that plugin as the caller.
 */
class ApiEndpointSecurityTest {
  @TempDir Path socketDirectory;
  private PluginChannels channels;
  private ApiEndpoint endpoint;
  private ManagedChannel channel;

  @BeforeEach
  void open() throws Exception {
    channels = new PluginChannels();
    ApiEndpoints endpoints = new ApiEndpoints(new CallerEchoApi(), channels.eventLoopGroup(),
        new CallRecorder(new PluginCallListener() {}), RuntimeOptions.defaults().maxMessageSize());
    endpoint = endpoints.open("com.example.one", socketDirectory);
    channel = channels.open(new HandshakeLine(1, Network.UNIX, endpoint.socket().toString(), Optional.empty()));
  }

  @AfterEach
  void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    endpoint.close();
    channels.close();
  }

  @Test
  void theTokenIsNotInTheEnvironmentButInTheBootstrapLine() {
    assertThat(endpoint.environment()).containsOnlyKeys(ApiEndpoint.ENV_TARGET);
    assertThat(endpoint.environment().get(ApiEndpoint.ENV_TARGET)).isEqualTo("unix://" + endpoint.socket());
    assertThat(endpoint.bootstrap().get(ApiEndpoint.BOOTSTRAP_TOKEN)).hasSizeGreaterThanOrEqualTo(43)
        .isEqualTo(endpoint.token().value());
  }

  @Test
  void anotherProcessIsRefusedEvenWithThePluginsToken() {
    String token = "Bearer " + endpoint.token().value();
    StatusRuntimeException beforeSpawn = catchThrowableOfType(StatusRuntimeException.class, () -> call(token));
    endpoint.admit(ProcessHandle.current().parent().orElseThrow().pid()); // a process that is not this one
    StatusRuntimeException otherPid = catchThrowableOfType(StatusRuntimeException.class, () -> call(token));

    System.out.printf("API socket dialled by another process with the plugin's own token: before the spawn -> %s,"
        + " plugin is another pid -> %s%n", beforeSpawn.getStatus().getCode(), otherPid.getStatus().getCode());
    assertThat(beforeSpawn.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(otherPid.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
  }

  @Test
  void thePluginsProcessGetsInOnlyWithItsToken() {
    endpoint.admit(ProcessHandle.current().pid());
    StatusRuntimeException none = catchThrowableOfType(StatusRuntimeException.class, () -> call(null));
    StatusRuntimeException other = catchThrowableOfType(StatusRuntimeException.class,
        () -> call("Bearer " + ApiToken.random().value()));
    StatusRuntimeException scheme = catchThrowableOfType(StatusRuntimeException.class,
        () -> call("Basic " + endpoint.token().value()));
    String own = call("Bearer " + endpoint.token().value());

    assertThat(none.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(other.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(scheme.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(own).isEqualTo("caller=com.example.one");
  }

  private String call(String authorization) {
    PluginAPIGrpc.PluginAPIBlockingStub stub = PluginAPIGrpc.newBlockingStub(channel).withDeadlineAfter(20,
        TimeUnit.SECONDS);
    if (authorization != null) {
      Metadata headers = new Metadata();
      headers.put(CallerAuthenticator.AUTHORIZATION, authorization);
      stub = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
    return stub.getServerVersion(GetServerVersionRequest.getDefaultInstance()).getVersion();
  }
}
