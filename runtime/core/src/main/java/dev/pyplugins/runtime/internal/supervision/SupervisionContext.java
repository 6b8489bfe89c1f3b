package dev.pyplugins.runtime.internal.supervision;

import dev.pyplugins.protocol.v1.PluginApi;
import dev.pyplugins.runtime.internal.dispatch.CallRecorder;
import dev.pyplugins.runtime.RuntimeOptions;
import dev.pyplugins.runtime.internal.endpoint.ApiEndpoints;
import dev.pyplugins.runtime.internal.process.PluginLauncher;
import dev.pyplugins.runtime.internal.transport.PluginChannels;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * What every supervisor of one host shares: the options, the launcher, one Netty event loop group for
 * plugin channels and API endpoints alike, the host's API, the call recorder, and one timer thread for
 * restart delays and health checks. Thread-safe; {@link #close()} after every supervisor has stopped.
 */
public final class SupervisionContext implements AutoCloseable {
  private final RuntimeOptions options;
  private final PluginChannels channels;
  private final PluginStarter starter;
  private final ScheduledExecutorService timers;

  public SupervisionContext(RuntimeOptions options, PluginApi hostApi, CallRecorder calls) {
    this.options = options;
    this.channels = new PluginChannels(options.maxMessageSize());
    this.starter = new PluginStarter(options, new PluginLauncher(options), channels,
        new ApiEndpoints(hostApi, channels.eventLoopGroup(), calls, options.maxMessageSize()), calls);
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = Executors.defaultThreadFactory().newThread(r);
      t.setName("pyplugins-supervision-timer");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
    this.timers = timer;
  }

  public RuntimeOptions options() {
    return options;
  }

  PluginStarter starter() {
    return starter;
  }

  ScheduledExecutorService timers() {
    return timers;
  }

  @Override
  public void close() {
    timers.shutdownNow();
    channels.close();
  }
}
