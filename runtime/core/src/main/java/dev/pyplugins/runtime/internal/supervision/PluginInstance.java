package dev.pyplugins.runtime.internal.supervision;

import com.google.common.util.concurrent.ListenableFuture;
import dev.pyplugins.protocol.goplugin.Empty;
import dev.pyplugins.protocol.goplugin.GRPCControllerGrpc;
import dev.pyplugins.protocol.v1.HooksClient;
import dev.pyplugins.runtime.RuntimeOptions;
import dev.pyplugins.runtime.internal.endpoint.ApiEndpoint;
import dev.pyplugins.runtime.internal.logging.PluginLogSink;
import dev.pyplugins.runtime.internal.process.ExitStatus;
import dev.pyplugins.runtime.internal.process.GracefulStep;
import dev.pyplugins.runtime.internal.process.PluginProcess;
import dev.pyplugins.runtime.internal.process.StopResult;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One started plugin process and everything the host holds for it: the process, its API endpoint, the
 * gRPC channel, the GRPCStdio drain, the GRPCBroker stream and the hooks client. None of it outlives the
 * process: a restart makes a new instance with a new endpoint and token. {@link #stop} and {@link #kill}
 * release everything; both may be called more than once. Thread-safe.
 */
final class PluginInstance {
  /** go-plugin's health service name for a plugin. */
  static final String HEALTH_SERVICE = "plugin";

  private final String pluginId;
  private final PluginProcess process;
  private final ApiEndpoint endpoint;
  private final ManagedChannel channel;
  private final HooksClient hooks;
  private final Channel hookChannel;
  private StdioDrain stdio;
  private BrokerStream broker;

  /**
   * @param hooks the hooks client, on {@code hookChannel}
   * @param hookChannel {@code channel} with the hook metrics interceptor: what hook calls go through
   */
  PluginInstance(String pluginId, PluginProcess process, ApiEndpoint endpoint, ManagedChannel channel,
      HooksClient hooks, Channel hookChannel) {
    this.pluginId = pluginId;
    this.process = process;
    this.endpoint = endpoint;
    this.channel = channel;
    this.hooks = hooks;
    this.hookChannel = hookChannel;
  }

  String pluginId() {
    return pluginId;
  }

  long pid() {
    return process.pid();
  }

  PluginProcess process() {
    return process;
  }

  ApiEndpoint endpoint() {
    return endpoint;
  }

  HooksClient hooks() {
    return hooks;
  }

  /** The channel hook calls go through (metrics recorded), for calls the hooks client does not make itself. */
  Channel hookChannel() {
    return hookChannel;
  }

  CompletableFuture<ExitStatus> onExit() {
    return process.onExit();
  }

  /** One health check, waiting for the connection to be ready first (the first check after the handshake). */
  HealthCheckResponse.ServingStatus awaitHealthy(Duration deadline) {
    return HealthGrpc.newBlockingStub(channel).withWaitForReady()
        .withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS)
        .check(HealthCheckRequest.newBuilder().setService(HEALTH_SERVICE).build()).getStatus();
  }

  /** One health check that fails at once when the plugin is unreachable. */
  ListenableFuture<HealthCheckResponse> checkHealth(Duration deadline) {
    return HealthGrpc.newFutureStub(channel).withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS)
        .check(HealthCheckRequest.newBuilder().setService(HEALTH_SERVICE).build());
  }

  /** Opens GRPCStdio (drained into {@code sink}) and the GRPCBroker stream, as go-plugin's host does. */
  synchronized void openStreams(int lineLimit, PluginLogSink sink) {
    stdio = StdioDrain.open(pluginId, channel, lineLimit, sink);
    broker = BrokerStream.open(pluginId, channel);
  }

  /**
   * Stops the process politely first: OnDeactivate ({@code deactivateTimeout}), closing the broker and stdio
   * streams and {@code GRPCController/Shutdown} ({@code shutdownRpcTimeout}), then the process's signal escalation over
   * its whole group; then releases everything.
   */
  StopResult stop(RuntimeOptions options) {
    List<GracefulStep> steps = new ArrayList<>();
    if (!options.deactivateTimeout().isZero()) {
      steps.add(new GracefulStep("OnDeactivate", options.deactivateTimeout(), hooks::onDeactivate));
    }
    if (!options.shutdownRpcTimeout().isZero()) {
      steps.add(new GracefulStep("GRPCController/Shutdown", options.shutdownRpcTimeout(),
          () -> shutdownRpc(options.shutdownRpcTimeout())));
    }
    try {
      return process.stop(steps);
    } finally {
      release();
    }
  }

  /** SIGKILL to the group at once (a crashed or hung plugin), then releases everything. */
  StopResult kill() {
    try {
      return process.kill();
    } finally {
      release();
    }
  }

  private void shutdownRpc(Duration deadline) {
    // Streams still open would hold a plugin's graceful server stop (grpcio waits for them); its last
    // output goes to its stderr, which is still read.
    synchronized (this) {
      if (broker != null) {
        broker.close();
      }
      if (stdio != null) {
        stdio.close();
      }
    }
    try {
      GRPCControllerGrpc.newBlockingStub(channel).withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS)
          .shutdown(Empty.getDefaultInstance());
    } catch (StatusRuntimeException e) {
      // go-plugin's plugin stops its server inside the handler, so the answer may never arrive; the host
      // treats that as done, and so do we.
      if (e.getStatus().getCode() != Status.Code.UNAVAILABLE) {
        throw e;
      }
    }
  }

  private synchronized void release() {
    if (stdio != null) {
      stdio.close();
    }
    if (broker != null) {
      broker.close();
    }
    channel.shutdownNow();
    if (endpoint != null) {
      endpoint.close();
    }
  }

  @Override
  public String toString() {
    return "PluginInstance{" + pluginId + ", pid " + process.pid() + "}";
  }
}
