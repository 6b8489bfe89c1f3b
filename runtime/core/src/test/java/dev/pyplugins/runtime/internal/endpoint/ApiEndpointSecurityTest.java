package dev.pyplugins.runtime.internal.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pyplugins.protocol.v1.GetServerVersionRequest;
import dev.pyplugins.protocol.v1.PluginAPIGrpc;
import dev.pyplugins.runtime.PluginEnvironment;
import dev.pyplugins.runtime.internal.handshake.HandshakeLine;
import dev.pyplugins.runtime.internal.handshake.Network;
import dev.pyplugins.runtime.testing.CallerEchoApi;
import dev.pyplugins.runtime.testing.PluginProcesses;
import dev.pyplugins.runtime.testing.SdkPlugins;
import dev.pyplugins.runtime.internal.transport.PluginChannels;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another local process (same user, so past the 0700 directory) dials a plugin's API socket: without the
 * plugin's token, or with another plugin's, it is refused; only the plugin's own token gets in, and the
 * host then sees that plugin as the caller.
 */
class ApiEndpointSecurityTest {
  @TempDir Path plugins;

  @Test
  void localClientWithoutThePluginsTokenIsRefused() {
    SdkPlugins.plugin(plugins, "com.example.one", Map.of());
    SdkPlugins.plugin(plugins, "com.example.two", Map.of());
    try (PluginEnvironment environment = PluginEnvironment.builder().pluginsDirectory(plugins)
            .pluginApi(new CallerEchoApi()).build();
        PluginChannels channels = new PluginChannels()) {
      environment.loadAll();
      Map<String, String> one = PluginProcesses.environment(environment.status("com.example.one").orElseThrow().pid()
          .getAsLong());
      Map<String, String> two = PluginProcesses.environment(environment.status("com.example.two").orElseThrow().pid()
          .getAsLong());
      String target = one.get(ApiEndpoint.ENV_TARGET);
      assertThat(target).startsWith("unix:///").endsWith("/" + ApiEndpoint.SOCKET_NAME);
      Path socket = Path.of(target.substring("unix://".length()));
      assertThat(socket.getParent()).isEqualTo(Path.of(one.get("PLUGIN_UNIX_SOCKET_DIR")));
      assertThat(PosixFilePermissions.toString(getPermissions(socket.getParent()))).isEqualTo("rwx------");
      assertThat(one.get(ApiEndpoint.ENV_TOKEN)).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(two.get(ApiEndpoint.ENV_TOKEN));

      ManagedChannel channel = channels.open(new HandshakeLine(1, Network.UNIX, socket.toString(), Optional.empty()));
      try {
        StatusRuntimeException none = catchThrowableOfType(StatusRuntimeException.class, () -> call(channel, null));
        StatusRuntimeException other = catchThrowableOfType(StatusRuntimeException.class,
            () -> call(channel, "Bearer " + two.get(ApiEndpoint.ENV_TOKEN)));
        StatusRuntimeException garbage = catchThrowableOfType(StatusRuntimeException.class,
            () -> call(channel, "Basic " + one.get(ApiEndpoint.ENV_TOKEN)));
        String own = call(channel, "Bearer " + one.get(ApiEndpoint.ENV_TOKEN));

        System.out.printf("unauthorised local client: no token -> %s, another plugin's token -> %s, wrong scheme ->"
            + " %s; the plugin's own token -> '%s'%n", none.getStatus().getCode(), other.getStatus().getCode(),
            garbage.getStatus().getCode(), own);
        assertThat(none.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(other.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(garbage.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(own).isEqualTo("caller=com.example.one");
      } finally {
        channel.shutdownNow();
      }
    }
  }

  private static java.util.Set<java.nio.file.attribute.PosixFilePermission> getPermissions(Path dir) {
    try {
      return Files.getPosixFilePermissions(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String call(ManagedChannel channel, String authorization) {
    PluginAPIGrpc.PluginAPIBlockingStub stub = PluginAPIGrpc.newBlockingStub(channel);
    if (authorization != null) {
      Metadata headers = new Metadata();
      headers.put(CallerAuthenticator.AUTHORIZATION, authorization);
      stub = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
    return stub.getServerVersion(GetServerVersionRequest.getDefaultInstance()).getVersion();
  }
}
