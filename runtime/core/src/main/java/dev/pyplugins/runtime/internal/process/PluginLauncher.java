package dev.pyplugins.runtime.internal.process;

import dev.pyplugins.runtime.FailureKind;
import dev.pyplugins.runtime.PluginException;
import dev.pyplugins.runtime.RuntimeOptions;
import dev.pyplugins.runtime.internal.handshake.HandshakeEnvironment;
import dev.pyplugins.runtime.internal.handshake.HandshakeLine;
import dev.pyplugins.runtime.internal.handshake.HandshakeParser;
import dev.pyplugins.runtime.internal.handshake.Network;
import dev.pyplugins.runtime.internal.logging.PluginLogSink;
import dev.pyplugins.runtime.internal.logging.PluginLogSinks;
import dev.pyplugins.runtime.internal.manifest.InterpreterLocator;
import dev.pyplugins.runtime.internal.manifest.ValidatedManifest;
import dev.pyplugins.runtime.internal.manifest.ServerRuntime;
import dev.pyplugins.runtime.internal.transport.HostCertificate;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a plugin from its manifest up to an accepted handshake: interpreter (venv-first), private socket
 * directory, AutoMTLS identity, the environment, the process, the handshake with its deadline. Every
 * failure after the spawn kills the process group and removes the socket directory before it is thrown.
 * Thread-safe.
 */
public final class PluginLauncher {
  /** Variables of this runtime, beside go-plugin's. */
  public static final String ENV_PLUGIN_ID = "MATTERMOST_PLUGIN_ID";
  public static final String ENV_PLUGIN_PATH = "MATTERMOST_PLUGIN_PATH";
  public static final String ENV_HOOK_TIMEOUT = "MATTERMOST_PLUGIN_HOOK_TIMEOUT";
  public static final String ENV_LOG_LEVEL = "MATTERMOST_PLUGIN_LOG_LEVEL";
  public static final String ENV_LIFELINE = "MATTERMOST_PLUGIN_LIFELINE";
  /** The app protocol versions this host speaks. */
  public static final Set<Integer> APP_PROTOCOL_VERSIONS = Set.of(1);

  private static final Logger LOG = LoggerFactory.getLogger(PluginLauncher.class);

  private final RuntimeOptions options;
  private final ProcessGroups groups;
  private final Subreaper subreaper;
  private final InterpreterLocator interpreters;
  private final HandshakeParser parser;
  private final Supplier<Map<String, String>> hostEnvironment;

  public PluginLauncher(RuntimeOptions options) {
    this(options, ProcessGroups.detect(), InterpreterLocator.onSystemPath(options.pythonCommand()));
  }

  public PluginLauncher(RuntimeOptions options, ProcessGroups groups, InterpreterLocator interpreters) {
    this(options, groups, Subreaper.detect(), interpreters, System::getenv);
  }

  /**
   * @param subreaper the shim that keeps every descendant of a plugin killable
   * @param hostEnvironment the environment plugins inherit an allow-list of (tests pass their own)
   */
  public PluginLauncher(RuntimeOptions options, ProcessGroups groups, Subreaper subreaper,
      InterpreterLocator interpreters, Supplier<Map<String, String>> hostEnvironment) {
    this.options = options;
    this.hostEnvironment = hostEnvironment;
    this.subreaper = subreaper;
    this.groups = groups;
    this.interpreters = interpreters;
    this.parser = new HandshakeParser(APP_PROTOCOL_VERSIONS, options.autoMtls());
    int stale = SocketDirectory.removeStale(options.socketBaseDir());
    if (stale > 0) {
      LOG.info("removed {} socket directories left by hosts that are gone", stale);
    }
    if (!subreaper.available()) {
      LOG.warn("python3 not found in /usr/bin, /bin or /usr/local/bin (or not Linux): plugins run without the"
          + " subreaper shim, so a descendant that leaves the plugin's process group (setsid) survives its stop");
    }
    if (!groups.available()) {
      LOG.warn("setsid or kill not found: plugin processes get no process group of their own, so stopping one"
          + " reaches only the descendants it has at that moment");
    }
  }

  /** Prepares host-side resources in the plugin's socket directory before the spawn. */
  @FunctionalInterface
  public interface BeforeSpawn {
    /**
     * Called with the fresh socket directory; may bind host sockets in it (the per-plugin API endpoint).
     *
     * @return variables to add to the plugin's environment, bootstrap fields, and who to tell the pid
     */
    SpawnInputs prepare(SocketDirectory directory) throws IOException;
  }

  /** Starts the plugin with the SLF4J log bridge and nothing prepared before the spawn. */
  public LaunchedPlugin launch(ValidatedManifest manifest) {
    return launch(manifest, dir -> SpawnInputs.environment(Map.of()),
        pid -> PluginLogSinks.forPlugin(manifest.id(), pid));
  }

  /**
   * Starts the plugin and waits for its handshake.
   *
   * @throws PluginException of a start kind (interpreter, spawn, handshake)
   */
  public LaunchedPlugin launch(ValidatedManifest manifest, BeforeSpawn beforeSpawn, LongFunction<PluginLogSink> sinks) {
    List<String> command = command(manifest);
    SocketDirectory dir;
    SpawnInputs extra;
    try {
      dir = SocketDirectory.create(options.socketBaseDir());
    } catch (IOException e) {
      throw new PluginException(FailureKind.SPAWN_FAILED, manifest.id(), "cannot create a socket directory in "
          + options.socketBaseDir() + ": " + e.getMessage(), e);
    }
    try {
      extra = beforeSpawn.prepare(dir);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw new PluginException(FailureKind.SPAWN_FAILED, manifest.id(), "cannot prepare the plugin's sockets: " + e,
          e);
    }
    Optional<HostCertificate> certificate = options.autoMtls()
        ? Optional.of(HostCertificate.generate()) : Optional.empty();
    Map<String, String> launcherVariables = new LinkedHashMap<>(extra.environment());
    launcherVariables.putAll(environment(manifest, dir.path(), certificate));
    Map<String, String> env = ChildEnvironment.assemble(hostEnvironment.get(), options, launcherVariables);
    LaunchSpec spec = new LaunchSpec(manifest.id(), command, manifest.directory(), env);
    PluginProcess process = PluginProcess.start(spec, options, groups, subreaper, dir, sinks);
    // The pid is known (the API endpoint admits it) before the token that lets the plugin call is sent.
    extra.spawned().accept(process.pid());
    process.writeBootstrap(BootstrapLine.encode(bootstrap(manifest, extra, certificate.isPresent())));
    HandshakeLine handshake = process.awaitHandshake(parser, options.handshakeTimeout());
    if (handshake.network() == Network.UNIX) {
      refuseForeignSocket(manifest.id(), process, handshake.address(), dir.path());
    }
    return new LaunchedPlugin(process, handshake, certificate);
  }

  /**
   * Refuses a handshake whose unix socket is not inside the plugin's own private directory (after resolving
   * symlinks): dialing it would reach another plugin's socket, or anything else, in this plugin's name.
   */
  private static void refuseForeignSocket(String pluginId, PluginProcess process, String address, Path privateDir) {
    String where;
    try {
      Path real = Path.of(address).toRealPath();
      if (real.getParent() != null && real.getParent().equals(privateDir.toRealPath())) {
        return;
      }
      where = real.toString().equals(address) ? address : address + " (leading to " + real + ")";
    } catch (IOException | InvalidPathException e) {
      where = address + " (" + e.getMessage() + ")";
    }
    process.kill();
    throw new PluginException(FailureKind.HANDSHAKE_INVALID, pluginId, "the handshake names unix socket " + where
        + ", outside the plugin's private socket directory " + privateDir + "; a plugin must listen in"
        + " PLUGIN_UNIX_SOCKET_DIR", OptionalInt.empty(), process.stderrTail(), null);
  }

  /**
   * The bootstrap line's fields. Under AutoMTLS an SDK plugin is also handed its own one-time key pair and
   * certificate, so it need not make one before its handshake (Python imports {@code cryptography.x509} for
   * that: 70 ms of every cold start). It travels where the API token does, readable by that process alone; a
   * native plugin makes its own, as under go-plugin, and the host trusts whichever certificate the
   * handshake line names.
   */
  private static Map<String, String> bootstrap(ValidatedManifest manifest, SpawnInputs extra, boolean autoMtls) {
    if (!autoMtls || manifest.runtime() != ServerRuntime.PYTHON) {
      return extra.bootstrap();
    }
    HostCertificate plugin = HostCertificate.generate();
    Map<String, String> fields = new LinkedHashMap<>(extra.bootstrap());
    fields.put(BootstrapLine.PLUGIN_CERT, plugin.certificatePem());
    fields.put(BootstrapLine.PLUGIN_KEY, plugin.privateKeyPem());
    return fields;
  }

  /** The command line: the interpreter and the entry point, or the native executable. */
  List<String> command(ValidatedManifest manifest) {
    if (manifest.runtime() == ServerRuntime.NATIVE) {
      return List.of(manifest.entryPoint().toString());
    }
    return List.of(interpreters.locate(manifest).executable().toString(), manifest.entryPoint().toString());
  }

  private Map<String, String> environment(ValidatedManifest manifest, Path socketDir, Optional<HostCertificate> cert) {
    Map<String, String> env = new LinkedHashMap<>(HandshakeEnvironment.variables(parser.protocolVersionsVariable(),
        socketDir, cert.map(HostCertificate::certificatePem)));
    env.put(ENV_PLUGIN_ID, manifest.id());
    env.put(ENV_PLUGIN_PATH, manifest.directory().toString());
    env.put(ENV_HOOK_TIMEOUT, BigDecimal.valueOf(options.hookTimeout().toMillis(), 3).stripTrailingZeros()
        .toPlainString());
    env.put(ENV_LOG_LEVEL, options.pluginLogLevel());
    env.put(ENV_LIFELINE, "stdin");
    env.put(BootstrapLine.ENV_BOOTSTRAP, "stdin");
    if (manifest.runtime() == ServerRuntime.PYTHON) {
      // The handshake line must not sit in a pipe buffer if a plugin forgets to flush.
      env.put("PYTHONUNBUFFERED", "1");
    }
    return env;
  }
}
