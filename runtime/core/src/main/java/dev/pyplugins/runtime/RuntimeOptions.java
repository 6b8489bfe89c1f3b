package dev.pyplugins.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every knob of the plugin runtime, in one immutable value. Each accessor documents the option's meaning,
 * default and limits; {@link Builder#build()} rejects values outside the limits with a message naming the
 * option. Thread-safe (immutable).
 */
public final class RuntimeOptions {

  /** Longest socket base directory accepted: leaves room for the private dir and go-plugin's socket name
   * inside the 104-byte {@code sun_path} of macOS (108 on Linux). */
  public static final int MAX_SOCKET_BASE_DIR_LENGTH = 60;

  private static final RuntimeOptions DEFAULTS = builder().build();

  private final Duration handshakeTimeout;
  private final Duration healthCheckInterval;
  private final Duration healthCheckTimeout;
  private final int pingFailLimit;
  private final Duration restartInitialDelay;
  private final Duration restartMaxDelay;
  private final double restartJitter;
  private final Duration restartResetAfter;
  private final int crashLoopMaxFailures;
  private final Duration crashLoopWindow;
  private final Duration activateTimeout;
  private final Duration deactivateTimeout;
  private final Duration shutdownRpcTimeout;
  private final Duration shutdownExitWait;
  private final Duration sigtermGrace;
  private final Duration sigkillWait;
  private final Path socketBaseDir;
  private final boolean autoMtls;
  private final int logLineLimit;
  private final int stderrTailLines;
  private final Duration hookTimeout;
  private final Map<String, Duration> hookTimeouts;
  private final String pythonCommand;
  private final String pluginLogLevel;

  private RuntimeOptions(Builder b) {
    this.handshakeTimeout = b.handshakeTimeout;
    this.healthCheckInterval = b.healthCheckInterval;
    this.healthCheckTimeout = b.healthCheckTimeout;
    this.pingFailLimit = b.pingFailLimit;
    this.restartInitialDelay = b.restartInitialDelay;
    this.restartMaxDelay = b.restartMaxDelay;
    this.restartJitter = b.restartJitter;
    this.restartResetAfter = b.restartResetAfter;
    this.crashLoopMaxFailures = b.crashLoopMaxFailures;
    this.crashLoopWindow = b.crashLoopWindow;
    this.activateTimeout = b.activateTimeout;
    this.deactivateTimeout = b.deactivateTimeout;
    this.shutdownRpcTimeout = b.shutdownRpcTimeout;
    this.shutdownExitWait = b.shutdownExitWait;
    this.sigtermGrace = b.sigtermGrace;
    this.sigkillWait = b.sigkillWait;
    this.socketBaseDir = b.socketBaseDir;
    this.autoMtls = b.autoMtls;
    this.logLineLimit = b.logLineLimit;
    this.stderrTailLines = b.stderrTailLines;
    this.hookTimeout = b.hookTimeout;
    this.hookTimeouts = Map.copyOf(b.hookTimeouts);
    this.pythonCommand = b.pythonCommand;
    this.pluginLogLevel = b.pluginLogLevel;
  }

  /** The defaults described on each accessor. */
  public static RuntimeOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this object's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * How long the plugin may take from spawn to its go-plugin handshake line on stdout. Default 10 s
   * (go-plugin: 1 min, Mattermost: 3 s; Python imports are slow). Limits: 10 ms to 10 min.
   */
  public Duration handshakeTimeout() {
    return handshakeTimeout;
  }

  /**
   * Time between two periodic health checks of a running plugin. Crashes are noticed from the process exit
   * at once; this catches hangs. Default 10 s (Mattermost: 30 s). Limits: 10 ms to 1 h.
   */
  public Duration healthCheckInterval() {
    return healthCheckInterval;
  }

  /** Deadline of one health RPC ({@code grpc.health.v1.Health/Check}, service "plugin"). Default 5 s.
   * Limits: 10 ms to 1 min. */
  public Duration healthCheckTimeout() {
    return healthCheckTimeout;
  }

  /**
   * Health checks that must fail back to back before a plugin counts as hung and is restarted. Default 3
   * (Mattermost's {@code HealthCheckPingFailLimit}). Limits: 1 to 100.
   */
  public int pingFailLimit() {
    return pingFailLimit;
  }

  /**
   * Delay before the first restart after a failure; each further consecutive failure doubles it. Default
   * 250 ms, so a crashed plugin is back within a second. Limits: 0 to {@link #restartMaxDelay()}.
   */
  public Duration restartInitialDelay() {
    return restartInitialDelay;
  }

  /** Cap of the doubling restart delay. Default 30 s. Limits: up to 1 h. */
  public Duration restartMaxDelay() {
    return restartMaxDelay;
  }

  /**
   * Random spread applied to each restart delay, as a fraction: 0.2 means the delay is scaled by a factor
   * drawn from [0.8, 1.2]. Spreads restarts of many plugins. Default 0.2. Limits: 0 to 1.
   */
  public double restartJitter() {
    return restartJitter;
  }

  /**
   * How long a plugin must stay up after a restart before the restart delay falls back to
   * {@link #restartInitialDelay()}. Default 1 min. Limits: 0 to 24 h.
   */
  public Duration restartResetAfter() {
    return restartResetAfter;
  }

  /**
   * Failures within {@link #crashLoopWindow()} that stop restarts and put the plugin in the failed state.
   * Default 3 (Mattermost's {@code HealthCheckNumRestartsLimit}). Limits: 1 to 1000.
   */
  public int crashLoopMaxFailures() {
    return crashLoopMaxFailures;
  }

  /** Window of the crash-loop breaker. Default 60 min (Mattermost's {@code HealthCheckDeactivationWindow}).
   * Limits: 1 ms to 7 days. */
  public Duration crashLoopWindow() {
    return crashLoopWindow;
  }

  /** Deadline of the OnActivate hook. Default 30 s. Limits: 10 ms to 1 h. */
  public Duration activateTimeout() {
    return activateTimeout;
  }

  /** Deadline of the OnDeactivate hook when a plugin is stopped. Default 10 s (Mattermost's). Limits: 0 to
   * 1 h; 0 skips the hook. */
  public Duration deactivateTimeout() {
    return deactivateTimeout;
  }

  /** Deadline of the {@code plugin.GRPCController/Shutdown} RPC. Default 2 s. Limits: 0 to 1 min; 0 skips
   * the RPC. */
  public Duration shutdownRpcTimeout() {
    return shutdownRpcTimeout;
  }

  /** How long to wait for the process to exit after a Shutdown RPC that succeeded. Default 2 s
   * (go-plugin's). Limits: 0 to 1 min. */
  public Duration shutdownExitWait() {
    return shutdownExitWait;
  }

  /** How long the process group gets after SIGTERM before SIGKILL. Default 3 s. Limits: 0 to 1 min. */
  public Duration sigtermGrace() {
    return sigtermGrace;
  }

  /**
   * How long to wait for the process to be reaped after SIGKILL before stop reports an error (a process in
   * uninterruptible sleep). Default 5 s. Limits: 10 ms to 1 min.
   */
  public Duration sigkillWait() {
    return sigkillWait;
  }

  /**
   * Where each plugin's private 0700 socket directory is created. Default {@code /tmp}: short, so socket
   * paths stay within {@code sun_path}. Limits: absolute, at most {@value #MAX_SOCKET_BASE_DIR_LENGTH}
   * characters, no whitespace.
   */
  public Path socketBaseDir() {
    return socketBaseDir;
  }

  /**
   * Whether the host and plugin use go-plugin's AutoMTLS: a one-time host certificate in
   * {@code PLUGIN_CLIENT_CERT}, the plugin's in the handshake line, TLS trusting only that. Default off:
   * the private 0700 socket directory already keeps other users out.
   */
  public boolean autoMtls() {
    return autoMtls;
  }

  /**
   * Longest plugin log line (stderr) passed on in one piece, in bytes; longer lines are logged in pieces
   * of this size, so a line without a newline can never stall the reader. Default 64 KiB (go-plugin's
   * {@code PluginLogBufferSize}). Limits: 256 B to 16 MiB.
   */
  public int logLineLimit() {
    return logLineLimit;
  }

  /** Last stderr lines kept per plugin for failure diagnostics. Default 50. Limits: 0 to 10000. */
  public int stderrTailLines() {
    return stderrTailLines;
  }

  /** Default deadline of a hook call. Default 30 s (Mattermost's gRPC path). Limits: 1 ms to 24 h. */
  public Duration hookTimeout() {
    return hookTimeout;
  }

  /** Per-hook deadlines by hook name (for example {@code "ServeHTTP"}), overriding {@link #hookTimeout()}.
   * Default none. Same limits. */
  public Map<String, Duration> hookTimeouts() {
    return hookTimeouts;
  }

  /** The deadline of the named hook: its override or {@link #hookTimeout()}. */
  public Duration hookTimeout(String hookName) {
    return hookTimeouts.getOrDefault(hookName, hookTimeout);
  }

  /** Python found on the PATH when a plugin has no virtualenv. Default {@code python3}. */
  public String pythonCommand() {
    return pythonCommand;
  }

  /** Passed to plugins as {@code MATTERMOST_PLUGIN_LOG_LEVEL}. Default {@code info}. One of trace, debug,
   * info, warn, error. */
  public String pluginLogLevel() {
    return pluginLogLevel;
  }

  @Override
  public String toString() {
    return "RuntimeOptions{handshakeTimeout=" + handshakeTimeout + ", healthCheckInterval=" + healthCheckInterval
        + ", healthCheckTimeout=" + healthCheckTimeout + ", pingFailLimit=" + pingFailLimit
        + ", restartInitialDelay=" + restartInitialDelay + ", restartMaxDelay=" + restartMaxDelay
        + ", restartJitter=" + restartJitter + ", restartResetAfter=" + restartResetAfter
        + ", crashLoopMaxFailures=" + crashLoopMaxFailures + ", crashLoopWindow=" + crashLoopWindow
        + ", activateTimeout=" + activateTimeout + ", deactivateTimeout=" + deactivateTimeout
        + ", shutdownRpcTimeout=" + shutdownRpcTimeout + ", shutdownExitWait=" + shutdownExitWait
        + ", sigtermGrace=" + sigtermGrace + ", sigkillWait=" + sigkillWait + ", socketBaseDir=" + socketBaseDir
        + ", autoMtls=" + autoMtls + ", logLineLimit=" + logLineLimit + ", stderrTailLines=" + stderrTailLines
        + ", hookTimeout=" + hookTimeout + ", hookTimeouts=" + new TreeMap<>(hookTimeouts)
        + ", pythonCommand=" + pythonCommand + ", pluginLogLevel=" + pluginLogLevel + "}";
  }

  /** Collects option values; not thread-safe. */
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
    private boolean autoMtls;
    private int logLineLimit = 64 * 1024;
    private int stderrTailLines = 50;
    private Duration hookTimeout = Duration.ofSeconds(30);
    private final Map<String, Duration> hookTimeouts = new TreeMap<>();
    private String pythonCommand = "python3";
    private String pluginLogLevel = "info";

    private Builder() {}

    private Builder(RuntimeOptions o) {
      handshakeTimeout = o.handshakeTimeout;
      healthCheckInterval = o.healthCheckInterval;
      healthCheckTimeout = o.healthCheckTimeout;
      pingFailLimit = o.pingFailLimit;
      restartInitialDelay = o.restartInitialDelay;
      restartMaxDelay = o.restartMaxDelay;
      restartJitter = o.restartJitter;
      restartResetAfter = o.restartResetAfter;
      crashLoopMaxFailures = o.crashLoopMaxFailures;
      crashLoopWindow = o.crashLoopWindow;
      activateTimeout = o.activateTimeout;
      deactivateTimeout = o.deactivateTimeout;
      shutdownRpcTimeout = o.shutdownRpcTimeout;
      shutdownExitWait = o.shutdownExitWait;
      sigtermGrace = o.sigtermGrace;
      sigkillWait = o.sigkillWait;
      socketBaseDir = o.socketBaseDir;
      autoMtls = o.autoMtls;
      logLineLimit = o.logLineLimit;
      stderrTailLines = o.stderrTailLines;
      hookTimeout = o.hookTimeout;
      hookTimeouts.putAll(o.hookTimeouts);
      pythonCommand = o.pythonCommand;
      pluginLogLevel = o.pluginLogLevel;
    }

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
    public Builder hookTimeout(Duration v) { hookTimeout = v; return this; }
    public Builder pythonCommand(String v) { pythonCommand = v; return this; }
    public Builder pluginLogLevel(String v) { pluginLogLevel = v; return this; }

    /** Sets the deadline of one hook, by its RPC name (for example {@code "ServeHTTP"}). */
    public Builder hookTimeout(String hookName, Duration v) {
      hookTimeouts.put(Objects.requireNonNull(hookName, "hookName"), v);
      return this;
    }

    /** @throws IllegalArgumentException naming the first option outside its limits */
    public RuntimeOptions build() {
      within("handshakeTimeout", handshakeTimeout, Duration.ofMillis(10), Duration.ofMinutes(10));
      within("healthCheckInterval", healthCheckInterval, Duration.ofMillis(10), Duration.ofHours(1));
      within("healthCheckTimeout", healthCheckTimeout, Duration.ofMillis(10), Duration.ofMinutes(1));
      within("pingFailLimit", pingFailLimit, 1, 100);
      within("restartMaxDelay", restartMaxDelay, Duration.ZERO, Duration.ofHours(1));
      within("restartInitialDelay", restartInitialDelay, Duration.ZERO, restartMaxDelay);
      if (!(restartJitter >= 0 && restartJitter <= 1)) {
        throw new IllegalArgumentException("restartJitter must be within [0, 1], was " + restartJitter);
      }
      within("restartResetAfter", restartResetAfter, Duration.ZERO, Duration.ofHours(24));
      within("crashLoopMaxFailures", crashLoopMaxFailures, 1, 1000);
      within("crashLoopWindow", crashLoopWindow, Duration.ofMillis(1), Duration.ofDays(7));
      within("activateTimeout", activateTimeout, Duration.ofMillis(10), Duration.ofHours(1));
      within("deactivateTimeout", deactivateTimeout, Duration.ZERO, Duration.ofHours(1));
      within("shutdownRpcTimeout", shutdownRpcTimeout, Duration.ZERO, Duration.ofMinutes(1));
      within("shutdownExitWait", shutdownExitWait, Duration.ZERO, Duration.ofMinutes(1));
      within("sigtermGrace", sigtermGrace, Duration.ZERO, Duration.ofMinutes(1));
      within("sigkillWait", sigkillWait, Duration.ofMillis(10), Duration.ofMinutes(1));
      checkSocketBaseDir();
      within("logLineLimit", logLineLimit, 256, 16 * 1024 * 1024);
      within("stderrTailLines", stderrTailLines, 0, 10_000);
      within("hookTimeout", hookTimeout, Duration.ofMillis(1), Duration.ofHours(24));
      hookTimeouts.forEach((hook, d) ->
          within("hookTimeouts[" + hook + "]", d, Duration.ofMillis(1), Duration.ofHours(24)));
      if (pythonCommand == null || pythonCommand.isBlank()) {
        throw new IllegalArgumentException("pythonCommand must not be empty");
      }
      if (pluginLogLevel == null || !pluginLogLevel.matches("trace|debug|info|warn|error")) {
        throw new IllegalArgumentException(
            "pluginLogLevel must be one of trace, debug, info, warn, error, was " + pluginLogLevel);
      }
      return new RuntimeOptions(this);
    }

    private void checkSocketBaseDir() {
      if (socketBaseDir == null || !socketBaseDir.isAbsolute()) {
        throw new IllegalArgumentException("socketBaseDir must be an absolute path, was " + socketBaseDir);
      }
      String text = socketBaseDir.toString();
      if (text.length() > MAX_SOCKET_BASE_DIR_LENGTH) {
        throw new IllegalArgumentException("socketBaseDir must be at most " + MAX_SOCKET_BASE_DIR_LENGTH
            + " characters so socket paths fit in sun_path, was " + text.length() + ": " + text);
      }
      if (text.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("socketBaseDir must not contain whitespace: '" + text + "'");
      }
    }

    private static void within(String name, Duration value, Duration min, Duration max) {
      if (value == null) {
        throw new IllegalArgumentException(name + " must be set");
      }
      if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
        throw new IllegalArgumentException(name + " must be within [" + min + ", " + max + "], was " + value);
      }
    }

    private static void within(String name, int value, int min, int max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(name + " must be within [" + min + ", " + max + "], was " + value);
      }
    }
  }
}
