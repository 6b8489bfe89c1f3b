package dev.pyplugins.sample;

import com.google.protobuf.Struct;
import dev.pyplugins.runtime.PluginEnvironment;
import dev.pyplugins.runtime.PluginHttpServlet;
import dev.pyplugins.runtime.PluginState;
import dev.pyplugins.runtime.PluginStatus;
import dev.pyplugins.runtime.RuntimeOptions;
import dev.pyplugins.sample.admin.BundleInstaller;
import dev.pyplugins.sample.admin.PluginConsole;
import dev.pyplugins.sample.admin.PluginLogTail;
import dev.pyplugins.sample.admin.VenvMaker;
import dev.pyplugins.sample.api.SampleHostApi;
import dev.pyplugins.sample.api.SettingsDefaults;
import dev.pyplugins.sample.auth.Credentials;
import dev.pyplugins.sample.auth.Passwords;
import dev.pyplugins.sample.auth.RequestAuth;
import dev.pyplugins.sample.auth.SessionStore;
import dev.pyplugins.sample.auth.Sessions;
import dev.pyplugins.sample.db.Database;
import dev.pyplugins.sample.live.WebSocketHub;
import dev.pyplugins.sample.live.WebSocketRoute;
import dev.pyplugins.sample.metrics.HostMetrics;
import dev.pyplugins.sample.metrics.MetricsServlet;
import dev.pyplugins.sample.rest.PluginAdmin;
import dev.pyplugins.sample.rest.RestApi;
import dev.pyplugins.sample.rest.RestParts;
import dev.pyplugins.sample.rest.ServerInfo;
import dev.pyplugins.sample.security.PluginUserHeader;
import dev.pyplugins.sample.store.ChannelStore;
import dev.pyplugins.sample.store.TeamStore;
import dev.pyplugins.sample.store.UserStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole sample host, wired: database, Plugin API, plugin runtime, web front. This class is the
 * answer to "what does a host need to run Python plugins?":
 *
 * <ol>
 *   <li>an implementation of the generated {@code PluginApi} ({@link SampleHostApi});
 *   <li>a {@link PluginEnvironment} over a plugins directory, serving that API to each plugin;
 *   <li>the hooks fired where things happen (the API's areas call {@code runMultiHook}/{@code broadcast});
 *   <li>{@link PluginHttpServlet} mounted at {@code /plugins/*} for the plugins' HTTP routes.
 * </ol>
 * Around them, for people: logins and sessions, Mattermost's REST API and WebSocket, the operator console's
 * API (install, remove, settings), and Prometheus metrics.
 */
public final class SampleHost implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SampleHost.class);
  /** States in which a plugin's slash commands go away (it registers them again when it activates). */
  private static final Set<PluginState> NOT_SERVING =
      EnumSet.of(PluginState.STOPPING, PluginState.STOPPED, PluginState.RESTARTING, PluginState.FAILED);

  private final Database database;
  private final SampleHostApi api;
  private final PluginEnvironment environment;
  private final WebServer web;
  private final PluginLogTail logs;
  private final WebSocketHub hub;
  private final DemoSeed.DemoLogin demoLogin;

  private SampleHost(Database database, SampleHostApi api, PluginEnvironment environment, WebServer web,
      PluginLogTail logs, WebSocketHub hub, DemoSeed.DemoLogin demoLogin) {
    this.database = database;
    this.api = api;
    this.environment = environment;
    this.web = web;
    this.logs = logs;
    this.hub = hub;
    this.demoLogin = demoLogin;
  }

  /**
   * Opens the database, seeds the demo logins, starts the web front and every plugin in
   * {@code options.pluginsDir()}.
   *
   * @throws HostStartupException for a busy port or a database another process holds, said plainly
   */
  public static SampleHost start(HostOptions options, RuntimeOptions runtimeOptions) throws Exception {
    DataDirectory.prepare(options.dataDir());
    Database database = StartupProblems.openDatabase(options);
    if (options.jdbcUrl() == null) {
      DataDirectory.protectFiles(options.dataDir());
    }
    HostMetrics metrics = new HostMetrics();
    WebSocketHub hub = new WebSocketHub(new ChannelStore(database), new TeamStore(database), new UserStore(database));
    AtomicReference<SampleHostApi> made = new AtomicReference<>();
    PluginLogTail logs = PluginLogTail.attach();
    PluginEnvironment environment = null;
    WebServer web = null;
    try {
      // The API fires hooks through the environment and reads plugins' setting defaults from their manifests.
      environment = PluginEnvironment.builder()
          .pluginsDirectory(options.pluginsDir())
          .pluginApi(plugins -> {
            made.set(new SampleHostApi(database, plugins, Clock.systemUTC(), pluginId -> plugins.manifest(pluginId)
                .map(manifest -> SettingsDefaults.of(manifest.json())).orElse(Struct.getDefaultInstance()), hub));
            return made.get();
          })
          .options(runtimeOptions)
          .listener(status -> onStateChange(made.get(), metrics, status))
          .callListener(metrics)
          .build();
      SampleHostApi api = made.get();
      DemoSeed.DemoLogin demo = DemoSeed.ensure(api, options.dataDir());
      Sessions sessions = new Sessions(new UserStore(database), new Credentials(database, new Passwords()),
          new SessionStore(database, Clock.systemUTC()));
      RequestAuth auth = new RequestAuth(sessions);
      ServerInfo server = new ServerInfo(SampleHostApi.SERVER_VERSION, "pyplugins sample host");
      PluginConsole console = new PluginConsole(environment, api.pluginSettings(), logs,
          new BundleInstaller(options.pluginsDir(), venvMaker(options)));
      web = WebServer.start(options.host(), options.port(), new WebServer.Mounts(
          RestApi.servlet(RestParts.of(api, sessions, database, server), auth, console),
          new PluginHttpServlet(environment), new PluginUserHeader(auth), new MetricsServlet(metrics),
          context -> WebSocketRoute.mount(context, hub, sessions, auth, server), options.allowedHosts()));
      SampleHost host = new SampleHost(database, api, environment, web, logs, hub, demo);
      environment.loadAll();
      for (PluginAdmin.PluginInfo info : console.statuses()) {
        LOG.info("plugin {}: {}{}", info.id(), info.state(),
            info.problem().isEmpty() ? "" : " (" + info.problem() + ")");
      }
      LOG.info("sample host serving on {} (database {})", web.uri(),
          options.effectiveJdbcUrl().replaceAll("[?;].*", "")); // a query may hold a password
      return host;
    } catch (Exception | Error e) {
      if (web != null) {
        web.close();
      }
      if (environment != null) {
        environment.close();
      }
      logs.detach();
      database.close();
      throw e;
    }
  }

  private static Optional<VenvMaker> venvMaker(HostOptions options) {
    if (options.wheelDir() == null) {
      return Optional.empty();
    }
    Path script = options.pluginsDir().resolve("make_venv.py");
    if (!Files.isRegularFile(script)) {
      script = options.wheelDir().resolveSibling("make_venv.py");
    }
    return Optional.of(new VenvMaker("python3", script.toAbsolutePath(), options.wheelDir().toAbsolutePath()));
  }

  private static void onStateChange(SampleHostApi api, HostMetrics metrics, PluginStatus status) {
    if (api != null && NOT_SERVING.contains(status.state())) {
      api.slashCommands().unregisterAll(status.pluginId());
    }
    if (status.state() == PluginState.RESTARTING) {
      metrics.restarted(status.pluginId());
    }
  }

  /** Where the web front listens, such as {@code http://127.0.0.1:8065}. */
  public URI uri() {
    return web.uri();
  }

  public SampleHostApi api() {
    return api;
  }

  public PluginEnvironment plugins() {
    return environment;
  }

  public Database database() {
    return database;
  }

  public List<PluginStatus> statuses() {
    return environment.statuses();
  }

  /** The seeded logins (admin and ann), to print and to log in with. */
  public DemoSeed.DemoLogin demoLogin() {
    return demoLogin;
  }

  /** The open WebSocket connections. */
  public WebSocketHub webSockets() {
    return hub;
  }

  /** Stops the web front, then every plugin (OnDeactivate first), then closes the database. */
  @Override
  public void close() {
    try {
      web.close();
    } finally {
      try {
        environment.close();
      } finally {
        logs.detach();
        database.close();
      }
    }
  }
}
