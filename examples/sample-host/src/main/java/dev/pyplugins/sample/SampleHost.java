package dev.pyplugins.sample;

import com.google.protobuf.Struct;
import dev.pyplugins.runtime.PluginEnvironment;
import dev.pyplugins.runtime.PluginHttpServlet;
import dev.pyplugins.runtime.RuntimeOptions;
import dev.pyplugins.runtime.PluginState;
import dev.pyplugins.runtime.PluginStatus;
import dev.pyplugins.sample.api.SampleHostApi;
import dev.pyplugins.sample.api.SettingsDefaults;
import dev.pyplugins.sample.db.Database;
import dev.pyplugins.sample.rest.PluginAdmin;
import dev.pyplugins.sample.rest.RestApi;
import java.net.URI;
import java.nio.file.Files;
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

  private SampleHost(Database database, SampleHostApi api, PluginEnvironment environment, WebServer web) {
    this.database = database;
    this.api = api;
    this.environment = environment;
    this.web = web;
  }

  /** Opens the database, starts the web front and every plugin in {@code options.pluginsDir()}. */
  public static SampleHost start(HostOptions options, RuntimeOptions runtimeOptions) throws Exception {
    if (options.jdbcUrl() == null) {
      Files.createDirectories(options.dataDir());
    }
    Database database = Database.open(options.effectiveJdbcUrl(), options.dbUser(), options.dbPassword());
    AtomicReference<SampleHostApi> made = new AtomicReference<>();
    PluginEnvironment environment = null;
    WebServer web = null;
    try {
      // The API fires hooks through the environment and reads plugins' setting defaults from their manifests.
      environment = PluginEnvironment.builder()
          .pluginsDirectory(options.pluginsDir())
          .pluginApi(plugins -> {
            made.set(new SampleHostApi(database, plugins, Clock.systemUTC(), pluginId -> plugins.manifest(pluginId)
                .map(manifest -> SettingsDefaults.of(manifest.json())).orElse(Struct.getDefaultInstance())));
            return made.get();
          })
          .options(runtimeOptions)
          .listener(status -> forgetCommandsOfStoppedPlugin(made.get(), status))
          .build();
      SampleHostApi api = made.get();
      web = WebServer.start(options.host(), options.port(), RestApi.servlet(api, new RuntimeAdmin(environment)),
          new PluginHttpServlet(environment));
      SampleHost host = new SampleHost(database, api, environment, web);
      for (PluginStatus status : environment.loadAll()) {
        PluginAdmin.PluginInfo info = RuntimeAdmin.info(status);
        LOG.info("plugin {}: {}{}", info.id(), info.state(),
            info.problem().isEmpty() ? "" : " (" + info.problem() + ")");
      }
      LOG.info("sample host serving on {} (database {})", web.uri(),
          options.effectiveJdbcUrl().replaceAll("\\?.*", "")); // a query may hold a password
      return host;
    } catch (Exception | Error e) {
      if (web != null) {
        web.close();
      }
      if (environment != null) {
        environment.close();
      }
      database.close();
      throw e;
    }
  }

  private static void forgetCommandsOfStoppedPlugin(SampleHostApi api, PluginStatus status) {
    if (NOT_SERVING.contains(status.state())) {
      api.slashCommands().unregisterAll(status.pluginId());
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

  /** Stops the web front, then every plugin (OnDeactivate first), then closes the database. */
  @Override
  public void close() {
    try {
      web.close();
    } finally {
      try {
        environment.close();
      } finally {
        database.close();
      }
    }
  }
}
