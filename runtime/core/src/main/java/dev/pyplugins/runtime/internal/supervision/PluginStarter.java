package dev.pyplugins.runtime.internal.supervision;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.HookName;
import dev.pyplugins.protocol.v1.HooksClient;
import dev.pyplugins.runtime.FailureKind;
import dev.pyplugins.runtime.PluginException;
import dev.pyplugins.runtime.RuntimeOptions;
import dev.pyplugins.runtime.internal.dispatch.CallRecorder;
import dev.pyplugins.runtime.internal.dispatch.HookMetricsInterceptor;
import dev.pyplugins.runtime.internal.endpoint.ApiEndpoint;
import dev.pyplugins.runtime.internal.endpoint.ApiEndpoints;
import dev.pyplugins.runtime.internal.logging.PluginLogSink;
import dev.pyplugins.runtime.internal.logging.PluginLogSinks;
import dev.pyplugins.runtime.internal.manifest.ValidatedManifest;
import dev.pyplugins.runtime.internal.process.ExitStatus;
import dev.pyplugins.runtime.internal.process.LaunchedPlugin;
import dev.pyplugins.runtime.internal.process.PluginLauncher;
import dev.pyplugins.runtime.internal.process.SpawnInputs;
import dev.pyplugins.runtime.internal.transport.AutoMtls;
import dev.pyplugins.runtime.internal.transport.PluginChannels;
import dev.pyplugins.runtime.support.HookCallException;
import dev.pyplugins.runtime.support.HookCallOptions;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptors;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Brings a plugin from its manifest to activated, as one attempt: launch (spawn, handshake) with a fresh
 * API endpoint bound in the plugin's socket directory before the spawn, connect, the first health check
 * (service {@code plugin}, within the longer of {@code healthCheckTimeout} and {@code handshakeTimeout}),
 * GRPCStdio and GRPCBroker, {@code Implemented()}, then OnActivate ({@code activateTimeout}). Any failure after the spawn kills the process group,
 * releases the endpoint and channel and throws a {@link PluginException} with the exit status and the
 * stderr tail. Thread-safe.
 */
final class PluginStarter {
  /** After a failed step, how long to wait for the process's exit so the report can carry its status. */
  private static final Duration EXIT_GRACE = Duration.ofMillis(200);

  private final RuntimeOptions options;
  private final PluginLauncher launcher;
  private final PluginChannels channels;
  private final ApiEndpoints endpoints;
  private final CallRecorder calls;
  private final HookCallOptions hookCallOptions;

  PluginStarter(RuntimeOptions options, PluginLauncher launcher, PluginChannels channels, ApiEndpoints endpoints,
      CallRecorder calls) {
    this.options = options;
    this.launcher = launcher;
    this.channels = channels;
    this.endpoints = endpoints;
    this.calls = calls;
    this.hookCallOptions = hookCallOptions(options);
  }

  /**
   * The hooks clients' deadlines: {@code hookTimeout} for unary hooks, the per-hook overrides, and the
   * lifecycle hooks' own deadlines. Streaming hooks (ServeHTTP) have none unless overridden.
   */
  static HookCallOptions hookCallOptions(RuntimeOptions options) {
    HookCallOptions calls = HookCallOptions.defaults().withDefaultDeadline(options.hookTimeout());
    for (var entry : options.hookTimeouts().entrySet()) {
      calls = calls.withDeadline(entry.getKey().rpcName(), entry.getValue());
    }
    calls = calls.withDeadline(HookName.ON_ACTIVATE.rpcName(), options.activateTimeout());
    if (!options.deactivateTimeout().isZero()) {
      calls = calls.withDeadline(HookName.ON_DEACTIVATE.rpcName(), options.deactivateTimeout());
    }
    return calls;
  }

  /** Starts and activates the plugin; returns it running. */
  PluginInstance start(ValidatedManifest manifest) {
    String id = manifest.id();
    AtomicReference<ApiEndpoint> endpoint = new AtomicReference<>();
    AtomicReference<PluginLogSink> sink = new AtomicReference<>();
    LaunchedPlugin launched;
    try {
      launched = launcher.launch(manifest, dir -> {
        ApiEndpoint opened = endpoints.open(id, dir.path());
        endpoint.set(opened);
        return new SpawnInputs(opened.environment(), opened.bootstrap(), opened::admit);
      }, pid -> {
        PluginLogSink s = PluginLogSinks.forPlugin(id, pid);
        sink.set(s);
        return s;
      });
    } catch (PluginException e) {
      if (endpoint.get() != null) {
        endpoint.get().close();
      }
      throw e;
    }
    ManagedChannel channel;
    try {
      channel = channels.open(launched.handshake(), credentials(launched));
    } catch (RuntimeException e) {
      launched.process().kill();
      endpoint.get().close();
      throw new PluginException(FailureKind.CONNECT_FAILED, id, "cannot open a channel to "
          + launched.handshake().address() + ": " + e, e);
    }
    Channel hookChannel = ClientInterceptors.intercept(channel, new HookMetricsInterceptor(id, calls));
    HooksClient hooks = new HooksClient(hookChannel, hookCallOptions);
    PluginInstance instance = new PluginInstance(id, launched.process(), endpoint.get(), channel, hooks, hookChannel);
    try {
      connect(instance);
      instance.openStreams(options.logLineLimit(), sink.get());
      activate(instance);
      return instance;
    } catch (PluginException e) {
      throw withProcessReport(instance, e);
    } catch (RuntimeException e) {
      throw withProcessReport(instance, new PluginException(FailureKind.CONNECT_FAILED, id, e.toString(), e));
    }
  }

  private ChannelCredentials credentials(LaunchedPlugin launched) {
    if (launched.hostCertificate().isPresent() && launched.handshake().serverCertificate().isPresent()) {
      return AutoMtls.clientCredentials(launched.hostCertificate().get(), launched.handshake().serverCertificate().get());
    }
    return InsecureChannelCredentials.create();
  }

  /**
   * The first health check may also wait out the plugin's warm-up after its handshake line (an SDK plugin
   * imports its protocol modules then), so its deadline is the longer of the health and handshake deadlines.
   */
  private Duration firstCheckDeadline() {
    return options.healthCheckTimeout().compareTo(options.handshakeTimeout()) >= 0 ? options.healthCheckTimeout()
        : options.handshakeTimeout();
  }

  private void connect(PluginInstance instance) {
    Duration deadline = firstCheckDeadline();
    try {
      HealthCheckResponse.ServingStatus status = instance.awaitHealthy(deadline);
      if (status != HealthCheckResponse.ServingStatus.SERVING) {
        throw new PluginException(FailureKind.CONNECT_FAILED, instance.pluginId(), "the plugin's health service"
            + " reports " + status + " for service '" + PluginInstance.HEALTH_SERVICE + "', not SERVING");
      }
    } catch (StatusRuntimeException e) {
      String hint = e.getStatus().getCode() == io.grpc.Status.Code.UNIMPLEMENTED
          ? "; the plugin must serve grpc.health.v1.Health" : e.getStatus().getCode() == io.grpc.Status.Code.DEADLINE_EXCEEDED
          ? "; is it serving gRPC (HTTP/2) at the handshake's address?" : "";
      throw new PluginException(FailureKind.CONNECT_FAILED, instance.pluginId(), "first health check (service '"
          + PluginInstance.HEALTH_SERVICE + "', deadline " + deadline.toMillis() + " ms) failed: "
          + e.getStatus().getCode() + hint, e);
    }
  }

  private void activate(PluginInstance instance) {
    String id = instance.pluginId();
    try {
      instance.hooks().implemented();
    } catch (HookCallException | AppErrorException e) {
      throw new PluginException(FailureKind.ACTIVATE_FAILED, id, "Implemented() failed: " + e.getMessage(), e);
    }
    try {
      instance.hooks().onActivate();
    } catch (AppErrorException e) {
      throw new PluginException(FailureKind.ACTIVATE_REFUSED, id, "OnActivate returned an error: " + e.getMessage(), e);
    } catch (HookCallException e) {
      throw new PluginException(FailureKind.ACTIVATE_FAILED, id, "OnActivate failed (deadline "
          + options.activateTimeout().toMillis() + " ms): " + e.getMessage(), e);
    }
  }

  private static PluginException withProcessReport(PluginInstance instance, PluginException failure) {
    try {
      instance.onExit().get(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // still running: killed below
    }
    ExitStatus status = instance.onExit().getNow(null); // exited by itself, before the kill below
    instance.kill();
    String message = status == null ? failure.reason() : failure.reason() + "; the process exited: " + status;
    return new PluginException(failure.kind(), instance.pluginId(), message,
        status == null ? OptionalInt.empty() : OptionalInt.of(status.code()), instance.process().stderrTail(),
        failure.getCause() == null ? failure : failure.getCause());
  }
}
