package dev.pyplugins.runtime;

import static dev.pyplugins.runtime.OptionLimits.checkSocketBaseDir;
import static dev.pyplugins.runtime.OptionLimits.checkVariable;
import static dev.pyplugins.runtime.OptionLimits.checkVariableName;
import static dev.pyplugins.runtime.OptionLimits.notBlank;
import static dev.pyplugins.runtime.OptionLimits.oneOf;
import static dev.pyplugins.runtime.OptionLimits.within;

import dev.pyplugins.protocol.v1.HookName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Every knob of the plugin runtime, in one immutable value; {@link #builder()} starts from the defaults
 * below, and building rejects a value outside its limits with a message naming the option. Thread-safe.
 *
 * @param handshakeTimeout how long a plugin may take from spawn to its go-plugin handshake line on stdout.
 *     Default 10 s (go-plugin: 1 min, Mattermost: 3 s; Python imports are slow). Limits: 10 ms to 10 min.
 * @param healthCheckInterval time between two health checks of a running plugin; crashes are noticed from the
 *     process exit at once, this catches hangs. Default 10 s (Mattermost: 30 s). Limits: 10 ms to 1 h.
 * @param healthCheckTimeout deadline of one health RPC ({@code grpc.health.v1.Health/Check}, service
 *     "plugin"). Default 5 s. Limits: 10 ms to 1 min.
 * @param pingFailLimit health checks that must fail back to back before a plugin counts as hung and is
 *     restarted. Default 3 (Mattermost's {@code HealthCheckPingFailLimit}). Limits: 1 to 100.
 * @param restartInitialDelay delay before the first restart after a failure; each further consecutive failure
 *     doubles it. Default 250 ms. Limits: 0 to {@code restartMaxDelay}.
 * @param restartMaxDelay cap of the doubling restart delay. Default 30 s. Limits: 0 to 1 h.
 * @param restartJitter random spread of each restart delay: 0.2 scales it by a factor from [0.8, 1.2].
 *     Default 0.2. Limits: 0 to 1.
 * @param restartResetAfter how long a plugin must stay up before the restart delay falls back to
 *     {@code restartInitialDelay}. Default 1 min. Limits: 0 to 24 h.
 * @param crashLoopMaxFailures failures within {@code crashLoopWindow} after which a plugin stays FAILED until
 *     started by hand. Default 3 (Mattermost's). Limits: 1 to 1000.
 * @param crashLoopWindow window of the crash-loop breaker. Default 60 min (Mattermost's
 *     {@code HealthCheckDeactivationWindow}). Limits: 1 ms to 7 days.
 * @param activateTimeout deadline of the OnActivate hook. Default 30 s. Limits: 10 ms to 1 h.
 * @param deactivateTimeout deadline of the OnDeactivate hook when a plugin is stopped. Default 10 s
 *     (Mattermost's). Limits: 0 to 1 h; 0 skips the hook.
 * @param shutdownRpcTimeout deadline of the {@code plugin.GRPCController/Shutdown} RPC. Default 2 s. Limits: 0
 *     to 1 min; 0 skips the RPC.
 * @param shutdownExitWait how long to wait for the exit after a graceful step that succeeded. Default 2 s
 *     (go-plugin's). Limits: 0 to 1 min.
 * @param sigtermGrace how long the process group gets after SIGTERM before SIGKILL. Default 3 s. Limits: 0 to
 *     1 min.
 * @param sigkillWait how long to wait for the reap after SIGKILL before stop reports {@code STOP_FAILED} (a
 *     process in uninterruptible sleep). Default 5 s. Limits: 10 ms to 1 min.
 * @param socketBaseDir where each plugin's private 0700 socket directory is made. Default {@code /tmp}: short,
 *     so socket paths stay within {@code sun_path}. Limits: absolute, at most
 *     {@value #MAX_SOCKET_BASE_DIR_LENGTH} characters, no whitespace.
 * @param autoMtls whether the host and plugin use go-plugin's AutoMTLS: a one-time host certificate in
 *     {@code PLUGIN_CLIENT_CERT}, the plugin's in the handshake line, TLS trusting only that. Default on: a
 *     same-user process (another plugin) that dials a plugin's socket cannot call its hooks without the
 *     host's key. Off only for plugins that cannot do AutoMTLS (a plugin without a certificate is refused).
 * @param logLineLimit longest plugin log line passed on in one piece, in bytes; longer lines come in pieces,
 *     so a line without a newline never stalls the reader. Default 64 KiB (go-plugin's
 *     {@code PluginLogBufferSize}). Limits: 256 B to 16 MiB.
 * @param stderrTailLines last stderr lines kept per plugin for failure reports. Default 50. Limits: 0 to 10000.
 * @param maxMessageSize largest gRPC message the host accepts from a plugin, in bytes: an API request on the
 *     plugin's endpoint and a hook's response alike (ServeHTTP bodies travel in 64 KiB chunks and are not
 *     limited by it). A bigger one is refused with RESOURCE_EXHAUSTED before it is read, and the host carries
 *     on. Default 64 MiB (go-plugin allows 2 GiB, which let one plugin's request exhaust the host's heap).
 *     Limits: 1 MiB to 2 GiB - 1.
 * @param hookTimeout default deadline of a unary hook call. Default 30 s (Mattermost's gRPC path). Limits: 1 ms
 *     to 24 h.
 * @param hookTimeouts per-hook deadlines overriding {@code hookTimeout}, including streaming hooks (which have
 *     none otherwise). Default none. Limits: each 1 ms to 24 h.
 * @param pythonCommand the interpreter run, from the PATH, for a Python plugin without a venv. Default
 *     {@code python3}. Limits: not blank.
 * @param pluginLogLevel the level plugins are asked to log at ({@code MATTERMOST_PLUGIN_LOG_LEVEL}). Default
 *     {@code info}. Limits: trace, debug, info, warn or error.
 * @param inheritedEnvironment names of host environment variables passed on to plugins beyond the fixed
 *     allow-list ({@code PATH}, {@code HOME}, {@code LANG}, {@code LC_*}, {@code TZ}, {@code TMPDIR}); every
 *     other host variable is withheld. Default none. Limits: each a POSIX name ({@code [A-Za-z_][A-Za-z0-9_]*}),
 *     not one the launcher sets ({@code MATTERMOST_PLUGIN*}, {@code PLUGIN_*}).
 * @param pluginEnvironment variables set, with these values, in every plugin's environment (over the
 *     inherited ones). Default none. Limits: names as for {@code inheritedEnvironment}; values without NUL.
 * @param httpConcurrencyLimit HTTP requests one plugin serves at once through {@link PluginHttpServlet}; one
 *     more is answered 503 with {@code Retry-After: 1} at once, so a flood on a slow route neither piles up
 *     nor takes every hook worker of the plugin. Default 32: half the SDK's 64 hook workers, the rest left
 *     for the other hooks. Limits: 1 to 100000.
 */
public record RuntimeOptions(
    Duration handshakeTimeout,
    Duration healthCheckInterval,
    Duration healthCheckTimeout,
    int pingFailLimit,
    Duration restartInitialDelay,
    Duration restartMaxDelay,
    double restartJitter,
    Duration restartResetAfter,
    int crashLoopMaxFailures,
    Duration crashLoopWindow,
    Duration activateTimeout,
    Duration deactivateTimeout,
    Duration shutdownRpcTimeout,
    Duration shutdownExitWait,
    Duration sigtermGrace,
    Duration sigkillWait,
    Path socketBaseDir,
    boolean autoMtls,
    int logLineLimit,
    int stderrTailLines,
    int maxMessageSize,
    Duration hookTimeout,
    Map<HookName, Duration> hookTimeouts,
    String pythonCommand,
    String pluginLogLevel,
    Set<String> inheritedEnvironment,
    Map<String, String> pluginEnvironment,
    int httpConcurrencyLimit) {

  /**
   * Longest socket base directory accepted: leaves room for the private directory and go-plugin's socket name
   * inside the 104-byte {@code sun_path} of macOS (108 on Linux).
   */
  public static final int MAX_SOCKET_BASE_DIR_LENGTH = 60;

  private static final RuntimeOptions DEFAULTS = builder().build();

  // Checks every option against its limits (IllegalArgumentException naming the first one outside); hosts
  // use builder() rather than this constructor.
  public RuntimeOptions {
    hookTimeouts = Map.copyOf(hookTimeouts);
    within("handshakeTimeout", handshakeTimeout, Duration.ofMillis(10), Duration.ofMinutes(10));
    within("healthCheckInterval", healthCheckInterval, Duration.ofMillis(10), Duration.ofHours(1));
    within("healthCheckTimeout", healthCheckTimeout, Duration.ofMillis(10), Duration.ofMinutes(1));
    within("pingFailLimit", pingFailLimit, 1, 100);
    within("restartMaxDelay", restartMaxDelay, Duration.ZERO, Duration.ofHours(1));
    within("restartInitialDelay", restartInitialDelay, Duration.ZERO, restartMaxDelay);
    within("restartJitter", restartJitter, 0, 1);
    within("restartResetAfter", restartResetAfter, Duration.ZERO, Duration.ofHours(24));
    within("crashLoopMaxFailures", crashLoopMaxFailures, 1, 1000);
    within("crashLoopWindow", crashLoopWindow, Duration.ofMillis(1), Duration.ofDays(7));
    within("activateTimeout", activateTimeout, Duration.ofMillis(10), Duration.ofHours(1));
    within("deactivateTimeout", deactivateTimeout, Duration.ZERO, Duration.ofHours(1));
    within("shutdownRpcTimeout", shutdownRpcTimeout, Duration.ZERO, Duration.ofMinutes(1));
    within("shutdownExitWait", shutdownExitWait, Duration.ZERO, Duration.ofMinutes(1));
    within("sigtermGrace", sigtermGrace, Duration.ZERO, Duration.ofMinutes(1));
    within("sigkillWait", sigkillWait, Duration.ofMillis(10), Duration.ofMinutes(1));
    checkSocketBaseDir(socketBaseDir);
    within("logLineLimit", logLineLimit, 256, 16 * 1024 * 1024);
    within("stderrTailLines", stderrTailLines, 0, 10_000);
    within("maxMessageSize", maxMessageSize, 1 << 20, Integer.MAX_VALUE);
    within("hookTimeout", hookTimeout, Duration.ofMillis(1), Duration.ofHours(24));
    hookTimeouts.forEach((hook, d) ->
        within("hookTimeouts[" + hook + "]", d, Duration.ofMillis(1), Duration.ofHours(24)));
    notBlank("pythonCommand", pythonCommand);
    oneOf("pluginLogLevel", pluginLogLevel, "trace", "debug", "info", "warn", "error");
    inheritedEnvironment.forEach(name -> checkVariableName("inheritedEnvironment", name));
    pluginEnvironment.forEach((name, value) -> checkVariable("pluginEnvironment", name, value));
    inheritedEnvironment = Set.copyOf(inheritedEnvironment);
    pluginEnvironment = Map.copyOf(pluginEnvironment);
    within("httpConcurrencyLimit", httpConcurrencyLimit, 1, 100_000);
  }

  /** The defaults described on each component. */
  public static RuntimeOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these values. */
  public Builder toBuilder() {
    return new Builder().copyOf(this);
  }

  /** The deadline of one hook: its override in {@link #hookTimeouts()}, else {@link #hookTimeout()}. */
  public Duration hookTimeout(HookName hook) {
    return hookTimeouts.getOrDefault(hook, hookTimeout);
  }

  /** Collects option values; {@link #build()} checks them. Not thread-safe. */
  public static final class Builder {
    private Duration handshakeTimeout = Duration.ofSeconds(10);
    private Duration healthCheckInterval = Duration.ofSeconds(10);
    private Duration healthCheckTimeout = Duration.ofSeconds(5);
    private int pingFailLimit = 3;
    private Duration restartInitialDelay = Duration.ofMillis(250);
    private Duration restartMaxDelay = Duration.ofSeconds(30);
    private double restartJitter = 0.2;
    private Duration restartResetAfter = Duration.ofMinutes(1);
    private int crashLoopMaxFailures = 3;
    private Duration crashLoopWindow = Duration.ofMinutes(60);
    private Duration activateTimeout = Duration.ofSeconds(30);
    private Duration deactivateTimeout = Duration.ofSeconds(10);
    private Duration shutdownRpcTimeout = Duration.ofSeconds(2);
    private Duration shutdownExitWait = Duration.ofSeconds(2);
    private Duration sigtermGrace = Duration.ofSeconds(3);
    private Duration sigkillWait = Duration.ofSeconds(5);
    private Path socketBaseDir = Path.of("/tmp");
    private boolean autoMtls = true;
    private int logLineLimit = 64 * 1024;
    private int stderrTailLines = 50;
    private int maxMessageSize = 64 << 20;
    private Duration hookTimeout = Duration.ofSeconds(30);
    private Map<HookName, Duration> hookTimeouts = new EnumMap<>(HookName.class);
    private String pythonCommand = "python3";
    private String pluginLogLevel = "info";
    private Set<String> inheritedEnvironment = Set.of();
    private Map<String, String> pluginEnvironment = Map.of();
    private int httpConcurrencyLimit = 32;

    private Builder() {}

    public Builder handshakeTimeout(Duration v) { handshakeTimeout = v; return this; }
    public Builder healthCheckInterval(Duration v) { healthCheckInterval = v; return this; }
    public Builder healthCheckTimeout(Duration v) { healthCheckTimeout = v; return this; }
    public Builder pingFailLimit(int v) { pingFailLimit = v; return this; }
    public Builder restartInitialDelay(Duration v) { restartInitialDelay = v; return this; }
    public Builder restartMaxDelay(Duration v) { restartMaxDelay = v; return this; }
    public Builder restartJitter(double v) { restartJitter = v; return this; }
    public Builder restartResetAfter(Duration v) { restartResetAfter = v; return this; }
    public Builder crashLoopMaxFailures(int v) { crashLoopMaxFailures = v; return this; }
    public Builder crashLoopWindow(Duration v) { crashLoopWindow = v; return this; }
    public Builder activateTimeout(Duration v) { activateTimeout = v; return this; }
    public Builder deactivateTimeout(Duration v) { deactivateTimeout = v; return this; }
    public Builder shutdownRpcTimeout(Duration v) { shutdownRpcTimeout = v; return this; }
    public Builder shutdownExitWait(Duration v) { shutdownExitWait = v; return this; }
    public Builder sigtermGrace(Duration v) { sigtermGrace = v; return this; }
    public Builder sigkillWait(Duration v) { sigkillWait = v; return this; }
    public Builder socketBaseDir(Path v) { socketBaseDir = v; return this; }
    public Builder autoMtls(boolean v) { autoMtls = v; return this; }
    public Builder logLineLimit(int v) { logLineLimit = v; return this; }
    public Builder stderrTailLines(int v) { stderrTailLines = v; return this; }
    public Builder maxMessageSize(int v) { maxMessageSize = v; return this; }
    public Builder hookTimeout(Duration v) { hookTimeout = v; return this; }
    public Builder pythonCommand(String v) { pythonCommand = v; return this; }
    public Builder pluginLogLevel(String v) { pluginLogLevel = v; return this; }
    public Builder inheritedEnvironment(Set<String> v) { inheritedEnvironment = v; return this; }
    public Builder pluginEnvironment(Map<String, String> v) { pluginEnvironment = v; return this; }
    public Builder httpConcurrencyLimit(int v) { httpConcurrencyLimit = v; return this; }

    /** A deadline for one hook, overriding {@link #hookTimeout(Duration)}; streaming hooks included. */
    public Builder hookTimeout(HookName hook, Duration v) {
      Map<HookName, Duration> copy = new EnumMap<>(HookName.class);
      copy.putAll(hookTimeouts);
      copy.put(hook, v);
      hookTimeouts = copy;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first option outside its limits
     */
    public RuntimeOptions build() {
      return RecordBuilders.build(RuntimeOptions.class, this);
    }

    private Builder copyOf(RuntimeOptions options) {
      RecordBuilders.copy(options, this);
      return this;
    }
  }
}
