package dev.pyplugins.runtime;

import dev.pyplugins.protocol.v1.Hooks;
import dev.pyplugins.protocol.v1.HooksClient;
import dev.pyplugins.protocol.v1.PluginApi;
import dev.pyplugins.protocol.v1.UnsupportedPluginApi;
import dev.pyplugins.runtime.dispatch.HookDispatcher;
import dev.pyplugins.runtime.manifest.InvalidManifestException;
import dev.pyplugins.runtime.manifest.ManifestLoader;
import dev.pyplugins.runtime.manifest.ManifestProblem;
import dev.pyplugins.runtime.manifest.PluginManifest;
import dev.pyplugins.runtime.supervision.PluginState;
import dev.pyplugins.runtime.supervision.PluginStatus;
import dev.pyplugins.runtime.supervision.PluginSupervisor;
import dev.pyplugins.runtime.supervision.SupervisionContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
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
public final class PluginEnvironment implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PluginEnvironment.class);

  private final Path pluginsDirectory;
  private final RuntimeOptions options;
  private final PluginStateListener listener;
  private final ManifestLoader manifests = new ManifestLoader();
  private final HookMetrics metrics = new HookMetrics();
  private final SupervisionContext context;
  private final HookDispatcher dispatcher;
  private final Map<String, Registered> plugins = new ConcurrentSkipListMap<>();
  private volatile boolean closed;

  /** A plugin the environment knows: where it lives and who runs it. */
  private record Registered(Path directory, PluginSupervisor supervisor) {}

  private PluginEnvironment(Builder b) {
    this.pluginsDirectory = b.pluginsDirectory.toAbsolutePath().normalize();
    this.options = b.options;
    this.listener = b.listener;
    this.context = new SupervisionContext(options, b.pluginApi, metrics);
    this.dispatcher = new HookDispatcher(options);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Discovers every plugin directory and starts them all at once. A directory whose manifest is invalid
   * (or whose id another directory already uses) ends FAILED with the reason naming each bad field; the
   * others still start. Plugins already known are started again only if they are not running.
   *
   * @return every plugin's status after its first start attempt, by plugin id
   * @throws UncheckedIOException when the plugins directory cannot be listed
   */
  public List<PluginStatus> loadAll() {
    checkOpen();
    List<Supplier<PluginStatus>> starts = new ArrayList<>();
    Map<String, Path> seen = new LinkedHashMap<>();
    for (Path dir : pluginDirectories()) {
      starts.add(startFrom(dir, seen));
    }
    ExecutorService parallel = Executors.newCachedThreadPool();
    try {
      List<CompletableFuture<PluginStatus>> all = starts.stream()
          .map(start -> CompletableFuture.supplyAsync(start, parallel)).toList();
      all.forEach(CompletableFuture::join);
    } finally {
      parallel.shutdown();
    }
    return statuses();
  }

  /**
   * Reads the plugin's manifest again from its directory and starts it; a running plugin is left as it is.
   *
   * @return its status after the first start attempt (RUNNING, RESTARTING or FAILED)
   * @throws NoSuchElementException when no plugin directory has this id
   */
  public PluginStatus activate(String pluginId) {
    checkOpen();
    Registered known = plugins.get(pluginId);
    Path dir = known != null ? known.directory() : findDirectory(pluginId);
    PluginSupervisor supervisor = register(pluginId, dir);
    try {
      PluginManifest manifest = manifests.load(dir);
      if (!manifest.id().equals(pluginId)) {
        return supervisor.refuse(new InvalidManifestException(pluginId, dir.resolve(ManifestLoader.FILE_NAME),
            List.of(new ManifestProblem("id", "is now '" + manifest.id() + "', was '" + pluginId
                + "'; a plugin's id cannot change while the host runs"))));
      }
      return supervisor.start(manifest);
    } catch (PluginException e) {
      return supervisor.refuse(e);
    }
  }

  /**
   * Stops the plugin (OnDeactivate, Shutdown, SIGTERM, SIGKILL over its process group) and cancels any
   * pending restart; it stays STOPPED until activated.
   *
   * @throws NoSuchElementException for an unknown plugin id
   */
  public PluginStatus deactivate(String pluginId) {
    checkOpen();
    return known(pluginId).supervisor().stop();
  }

  /** Stops the plugin and activates it again (manifest re-read, failures forgotten). */
  public PluginStatus restart(String pluginId) {
    deactivate(pluginId);
    return activate(pluginId);
  }

  /** Every known plugin's status, by plugin id. */
  public List<PluginStatus> statuses() {
    return plugins.values().stream().map(r -> r.supervisor().status()).toList();
  }

  public Optional<PluginStatus> status(String pluginId) {
    return Optional.ofNullable(plugins.get(pluginId)).map(r -> r.supervisor().status());
  }

  /**
   * The manifest the plugin was last started from (its {@code json()} holds the whole {@code plugin.json},
   * settings schema included); empty for an unknown plugin or one whose manifest never validated.
   */
  public Optional<PluginManifest> manifest(String pluginId) {
    return Optional.ofNullable(plugins.get(pluginId)).flatMap(r -> r.supervisor().manifest());
  }

  /**
   * The hooks client of a RUNNING plugin; its calls have the deadlines of {@link RuntimeOptions}. A client
   * belongs to one process: after a restart its calls fail (UNAVAILABLE), so ask again rather than keep it.
   */
  public Optional<Hooks> hooks(String pluginId) {
    return Optional.ofNullable(plugins.get(pluginId)).flatMap(r -> r.supervisor().hooks());
  }

  /**
   * Mattermost's RunMultiPluginHook: calls {@code call} on each RUNNING plugin that implements
   * {@code hookName}, one after the other in plugin id order, stopping when it returns false. Each call is
   * bounded by the hook's deadline; a failing or hung plugin is logged and skipped.
   */
  public void runMultiHook(String hookName, BiPredicate<String, Hooks> call) {
    dispatcher.runMulti(hookName, running(), call);
  }

  /**
   * Calls {@code call} on every RUNNING plugin that implements {@code hookName}, in parallel; returns when
   * all answered or reached the hook's deadline.
   */
  public void broadcast(String hookName, BiConsumer<String, Hooks> call) {
    dispatcher.broadcast(hookName, running(), call);
  }

  /** Hook call counts, errors and latencies, per hook name, over all plugins. */
  public HookMetrics metrics() {
    return metrics;
  }

  public RuntimeOptions options() {
    return options;
  }

  /** Stops every plugin, in parallel, and releases the endpoints, channels and threads. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    plugins.values().parallelStream().forEach(r -> {
      try {
        r.supervisor().close();
      } catch (RuntimeException e) {
        LOG.warn("plugin {}: stop failed: {}", r.supervisor().pluginId(), e.toString());
      }
    });
    dispatcher.close();
    context.close();
  }

  /** Where an HTTP request for {@code pluginId} goes, for {@link PluginHttpServlet}. */
  HttpTarget httpTarget(String pluginId) {
    Registered r = plugins.get(pluginId);
    if (r == null || closed) {
      return new HttpTarget(HttpTarget.Kind.NOT_FOUND, null);
    }
    Optional<HooksClient> hooks = r.supervisor().hooks();
    if (hooks.isPresent()) {
      return new HttpTarget(HttpTarget.Kind.RUNNING, hooks.get());
    }
    PluginState state = r.supervisor().status().state();
    boolean coming = state == PluginState.RESTARTING || state == PluginState.STARTING;
    return new HttpTarget(coming ? HttpTarget.Kind.RESTARTING : HttpTarget.Kind.NOT_FOUND, null);
  }

  /** An HTTP route's verdict: the plugin's hooks when it runs. */
  record HttpTarget(Kind kind, HooksClient hooks) {
    enum Kind { RUNNING, RESTARTING, NOT_FOUND }
  }

  private Supplier<PluginStatus> startFrom(Path dir, Map<String, Path> seen) {
    PluginManifest manifest;
    try {
      manifest = manifests.load(dir);
    } catch (InvalidManifestException e) {
      String id = e.pluginId() != null && !seen.containsKey(e.pluginId()) ? e.pluginId()
          : dir.getFileName().toString();
      seen.putIfAbsent(id, dir);
      PluginSupervisor supervisor = register(id, dir);
      return () -> supervisor.refuse(e);
    }
    Path other = seen.putIfAbsent(manifest.id(), dir);
    if (other != null && !other.equals(dir)) {
      String id = dir.getFileName().toString();
      PluginSupervisor supervisor = register(id, dir);
      InvalidManifestException duplicate = new InvalidManifestException(manifest.id(),
          dir.resolve(ManifestLoader.FILE_NAME), List.of(new ManifestProblem("id", "'" + manifest.id()
              + "' is already the id of the plugin in " + other)));
      return () -> supervisor.refuse(duplicate);
    }
    PluginSupervisor supervisor = register(manifest.id(), dir);
    return () -> supervisor.start(manifest);
  }

  private PluginSupervisor register(String pluginId, Path dir) {
    return plugins.computeIfAbsent(pluginId, id -> new Registered(dir, new PluginSupervisor(id, context,
        status -> notifyListener(status)))).supervisor();
  }

  private void notifyListener(PluginStatus status) {
    listener.stateChanged(status);
  }

  private Registered known(String pluginId) {
    Registered r = plugins.get(pluginId);
    if (r == null) {
      throw new NoSuchElementException("no plugin with id '" + pluginId + "' is known; known: " + plugins.keySet());
    }
    return r;
  }

  private Path findDirectory(String pluginId) {
    for (Path dir : pluginDirectories()) {
      if (dir.getFileName().toString().equals(pluginId)) {
        return dir;
      }
      try {
        if (manifests.load(dir).id().equals(pluginId)) {
          return dir;
        }
      } catch (PluginException e) {
        // not this one
      }
    }
    throw new NoSuchElementException("no plugin directory in " + pluginsDirectory + " has id '" + pluginId + "'");
  }

  private List<Path> pluginDirectories() {
    try (Stream<Path> dirs = Files.list(pluginsDirectory)) {
      return dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith("."))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the plugins directory " + pluginsDirectory, e);
    }
  }

  private Map<String, HooksClient> running() {
    Map<String, HooksClient> running = new LinkedHashMap<>();
    plugins.forEach((id, r) -> r.supervisor().hooks().ifPresent(h -> running.put(id, h)));
    return running;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the plugin environment is closed");
    }
  }

  /** Collects the environment's parts; not thread-safe. */
  public static final class Builder {
    private Path pluginsDirectory;
    private PluginApi pluginApi = new UnsupportedPluginApi() {};
    private RuntimeOptions options = RuntimeOptions.defaults();
    private PluginStateListener listener = status -> {};

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
      this.pluginApi = Objects.requireNonNull(hostApi, "hostApi");
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
