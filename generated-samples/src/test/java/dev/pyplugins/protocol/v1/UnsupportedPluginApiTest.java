package dev.pyplugins.protocol.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnsupportedPluginApiTest {

  /** A host that supports one method. */
  private static final class VersionOnlyHost extends UnsupportedPluginApi {
    @Override
    public String getServerVersion() {
      return "9.9.9";
    }
  }

  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void serve() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(new PluginApiServer(new VersionOnlyHost())).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  @Test
  void aMethodTheHostLeavesOutThrowsNotSupportedNamingIt() {
    AppErrorException e = catchThrowableOfType(AppErrorException.class,
        () -> new VersionOnlyHost().getUser("u1"));
    assertThat(e.appError().getStatusCode()).isEqualTo(501);
    assertThat(e.appError().getMessage()).contains("GetUser");
  }

  @Test
  void overPluginApiServerTheCallerGetsA501AppErrorAndOverriddenMethodsStillWork() {
    PluginAPIGrpc.PluginAPIBlockingStub stub = PluginAPIGrpc.newBlockingStub(channel);
    GetUserResponse user = stub.getUser(GetUserRequest.newBuilder().setUserId("u1").build());
    assertThat(user.hasError()).isTrue();
    assertThat(user.getError().getStatusCode()).isEqualTo(501);
    assertThat(user.getError().getId()).isEqualTo("plugin.api.not_supported");
    assertThat(user.getError().getMessage()).contains("GetUser");

    GetServerVersionResponse version = stub.getServerVersion(GetServerVersionRequest.getDefaultInstance());
    assertThat(version.hasError()).isFalse();
    assertThat(version.getVersion()).isEqualTo("9.9.9");
  }
}
