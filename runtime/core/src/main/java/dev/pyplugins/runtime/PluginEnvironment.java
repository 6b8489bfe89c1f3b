package dev.pyplugins.runtime;

import dev.pyplugins.protocol.v1.HookName;
import dev.pyplugins.protocol.v1.Hooks;
import dev.pyplugins.protocol.v1.HooksClient;
import dev.pyplugins.protocol.v1.PluginApi;
import dev.pyplugins.protocol.v1.UnsupportedPluginApi;
import dev.pyplugins.runtime.internal.dispatch.CallRecorder;
import dev.pyplugins.runtime.internal.dispatch.HookFanOut;
import dev.pyplugins.runtime.internal.process.LiveProcesses;
import dev.pyplugins.runtime.internal.supervision.PluginRegistry;
import dev.pyplugins.runtime.internal.supervision.PluginSupervisor;
import dev.pyplugins.runtime.internal.supervision.SupervisionContext;
import io.grpc.CallOptions;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and owns every plugin of a host: one sub-directory of {@link Builder#pluginsDirectory} per plugin,
 * each with its {@code plugin.json}, each run by its own supervisor (start, health checks, restart with
 * backoff, crash-loop breaker, polite stop) and served its own Plugin API endpoint backed by the host's
 * {@link PluginApi}. Hooks are called through the generated {@link HooksClient}, one plugin at a time
 * ({@link #hooks}) or across all ({@link #runMultiHook}, {@link #broadcast}), every call under its deadline.
 *
 * <p>Thread-safe. Methods that start or stop a plugin block until that is done (bounded by the handshake,
 * health, OnActivate and stop deadlines of {@link RuntimeOptions}). {@link #close()} stops every plugin
 * (OnDeactivate, Shutdown, SIGTERM, SIGKILL) and every API endpoint; the environment is unusable after.
 */
public final class PluginEnvironment implements HookDispatcher, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PluginEnvironment.class);

  private final RuntimeOptions options;
  private final CallRecorder calls;
  private final HookFanOut fanOut;
  private final SupervisionContext context;
  private final PluginRegistry registry;
  private final Object closing = new Object();
  private final Runnable forgetOnExit;
  private volatile boolean closed;

  private PluginEnvironment(Builder b) {
    this.options = b.options;
    this.calls = new CallRecorder(b.callListener);
    this.fanOut = new HookFanOut(options);
    // The host's API may need the environment (to fire hooks, read manifests): it is made from it here, once
    // the environment can answer, and before any plugin can start.
    PluginApi api = Objects.requireNonNull(b.pluginApi.apply(this), "the pluginApi factory returned null");
    this.context = new SupervisionContext(options, api, calls);
    PluginStateListener listener = b.listener;
    this.registry = new PluginRegistry(b.pluginsDirectory.toAbsolutePath().normalize(), context,
        listener::stateChanged);
    // A JVM exit closes the environment gracefully (OnDeactivate first), even when the host does not.
    this.forgetOnExit = LiveProcesses.closeOnExit(this::close);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Discovers every plugin directory and starts them all at once. A directory whose manifest is invalid
   * (or whose id another directory already uses) ends FAILED with the reason naming each bad field; the
   * others still start. Plugins already known are started again only if they are not running.
   *
   * @return every plugin's status after its first start attempt
   * @throws UncheckedIOException when the plugins directory cannot be listed
   */
  public List<PluginStatus> loadAll() {
    checkOpen();
    ExecutorService parallel = Executors.newCachedThreadPool();
    try {
      registry.discoverAll().stream().map(start -> CompletableFuture.supplyAsync(start, parallel)).toList()
          .forEach(CompletableFuture::join);
    } finally {
      parallel.shutdown();
    }
    return statuses();
  }

  /**
   * Reads the plugin's manifest again from its directory and starts it; a running plugin is left as it is.
   * A plugin directory added since {@link #loadAll()} is found by its id (or directory name).
   *
   * @return its status after the first start attempt (RUNNING, RESTARTING or FAILED)
   * @throws NoSuchElementException when no plugin directory has this id
   */
  public PluginStatus activate(String pluginId) {
    checkOpen();
    return registry.activate(pluginId);
  }

  /**
   * Stops the plugin (OnDeactivate, Shutdown, SIGTERM, SIGKILL over its process group) and cancels any
   * pending restart; it stays STOPPED until activated.
   *
   * @throws NoSuchElementException for an unknown plugin id
   */
  public PluginStatus deactivate(String pluginId) {
    checkOpen();
    return registry.known(pluginId).supervisor().stop();
  }

  /** Stops the plugin and activates it again (manifest re-read, failures forgotten). */
  public PluginStatus restart(String pluginId) {
    deactivate(pluginId);
    return activate(pluginId);
  }

  /**
   * Stops the plugin and forgets it, so its directory may be deleted or replaced (uninstall); a later
   * {@link #activate} finds it anew.
   *
   * @throws NoSuchElementException for an unknown plugin id
   */
  public void remove(String pluginId) {
    deactivate(pluginId);
    registry.forget(pluginId);
  }

  /** Every known plugin's status, in plugin id order. */
  public List<PluginStatus> statuses() {
    return registry.all().stream().map(e -> e.supervisor().status()).toList();
  }

  public Optional<PluginStatus> status(String pluginId) {
    return registry.find(pluginId).map(e -> e.supervisor().status());
  }

  /**
   * The manifest the plugin was last started from (its {@code json()} holds the whole {@code plugin.json},
   * settings schema included); empty for an unknown plugin or one whose manifest never validated.
   */
  public Optional<PluginManifest> manifest(String pluginId) {
    return registry.find(pluginId).flatMap(e -> e.supervisor().manifest()).map(PluginManifest.class::cast);
  }

  /**
   * The hooks client of a RUNNING plugin; its calls have the deadlines of {@link RuntimeOptions}. A client
   * belongs to one process: after a restart its calls fail (UNAVAILABLE), so ask again rather than keep it.
   */
  @Override
  public Optional<Hooks> hooks(String pluginId) {
    return registry.find(pluginId).flatMap(e -> e.supervisor().hooks());
  }

  @Override
  public void runMultiHook(HookName hook, BiPredicate<String, Hooks> call) {
    fanOut.runMulti(hook, registry.running(), call);
  }

  @Override
  public void broadcast(HookName hook, BiConsumer<String, Hooks> call) {
    fanOut.broadcast(hook, registry.running(), call);
  }

  /** Hook call counts, errors and latencies, per hook and per plugin. */
  public HookMetrics metrics() {
    return calls;
  }

  public RuntimeOptions options() {
    return options;
  }

  /**
   * Stops every plugin, in parallel, and releases the endpoints, channels and threads. Idempotent; a call
   * while another is closing waits for it. On a JVM exit the runtime's shutdown hook calls it too, so a
   * host's own hook that calls it (after stopping its web server, say) joins that close.
   */
  @Override
  public void close() {
    synchronized (closing) {
      if (closed) {
        return;
      }
      closed = true;
      registry.all().parallelStream().forEach(e -> {
        try {
          e.supervisor().close();
        } catch (RuntimeException ex) {
          LOG.warn("plugin {}: stop failed: {}", e.supervisor().pluginId(), ex.toString());
        }
      });
      fanOut.close();
      context.close();
      forgetOnExit.run();
    }
  }

  /** Where an HTTP request for {@code pluginId} goes, for {@link PluginHttpServlet}. */
  HttpTarget httpTarget(String pluginId) {
    Optional<PluginRegistry.Entry> entry = closed ? Optional.empty() : registry.find(pluginId);
    if (entry.isEmpty()) {
      return new HttpTarget(HttpTarget.Kind.NOT_FOUND, null, null, CallOptions.DEFAULT);
    }
    Optional<PluginSupervisor.HttpRoute> route = entry.get().supervisor().httpRoute();
    if (route.isPresent()) {
      Duration deadline = options.hookTimeouts().get(HookName.SERVE_HTTP);
      CallOptions call = deadline == null ? CallOptions.DEFAULT
          : CallOptions.DEFAULT.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
      return new HttpTarget(HttpTarget.Kind.RUNNING, route.get().hooks(), route.get().channel(), call);
    }
    PluginState state = entry.get().supervisor().status().state();
    boolean coming = state == PluginState.RESTARTING || state == PluginState.STARTING;
    return new HttpTarget(coming ? HttpTarget.Kind.RESTARTING : HttpTarget.Kind.NOT_FOUND, null, null,
        CallOptions.DEFAULT);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the plugin environment is closed");
    }
  }

  /** Collects the environment's parts; not thread-safe. */
  public static final class Builder {
    private Path pluginsDirectory;
    private Function<? super PluginEnvironment, ? extends PluginApi> pluginApi =
        environment -> new UnsupportedPluginApi() {};
    private RuntimeOptions options = RuntimeOptions.defaults();
    private PluginStateListener listener = status -> {};
    private PluginCallListener callListener = new PluginCallListener() {};

    private Builder() {}

    /** Required: one sub-directory per plugin, each with a {@code plugin.json}. */
    public Builder pluginsDirectory(Path dir) {
      this.pluginsDirectory = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /**
     * The host's Plugin API, served to each plugin on its own endpoint; inside a call
     * {@code PluginApiServer.caller()} names the calling plugin. Default: every method answers 501.
     */
    public Builder pluginApi(PluginApi hostApi) {
      Objects.requireNonNull(hostApi, "hostApi");
      this.pluginApi = environment -> hostApi;
      return this;
    }

    /**
     * The host's Plugin API, made from the environment itself, for an API that fires hooks (a CreatePost
     * runs MessageWillBePosted) or reads manifests. Called once, while {@link #build()} runs, before any
     * plugin can start: it may keep the environment, but not start or stop plugins yet.
     */
    public Builder pluginApi(Function<? super PluginEnvironment, ? extends PluginApi> factory) {
      this.pluginApi = Objects.requireNonNull(factory, "factory");
      return this;
    }

    public Builder options(RuntimeOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /** Told every state change of every plugin (see {@link PluginStateListener}). */
    public Builder listener(PluginStateListener l) {
      this.listener = Objects.requireNonNull(l, "listener");
      return this;
    }

    /** Told every hook and Plugin API call as it ends (see {@link PluginCallListener}). */
    public Builder callListener(PluginCallListener l) {
      this.callListener = Objects.requireNonNull(l, "callListener");
      return this;
    }

    /**
     * @throws IllegalStateException when no plugins directory was given or it is not a directory
     */
    public PluginEnvironment build() {
      if (pluginsDirectory == null) {
        throw new IllegalStateException("pluginsDirectory is required");
      }
      if (!Files.isDirectory(pluginsDirectory)) {
        throw new IllegalStateException("pluginsDirectory " + pluginsDirectory + " is not a directory");
      }
      return new PluginEnvironment(this);
    }
  }
}
