package dev.pyplugins.sample.admin;

import com.google.protobuf.Struct;
import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.runtime.HookMetrics;
import dev.pyplugins.runtime.PluginEnvironment;
import dev.pyplugins.runtime.PluginFailure;
import dev.pyplugins.runtime.PluginStatus;
import dev.pyplugins.sample.api.PluginSettings;
import dev.pyplugins.sample.rest.PluginAdmin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The operator console over the runtime's {@link PluginEnvironment}: statuses with failures, enable,
 * disable, restart, install from a bundle and remove (both while the host runs), log tails, per-plugin
 * hook latencies, settings with secrets masked. Installs and removals are serialised.
 */
public final class PluginConsole implements PluginAdmin {
  private final PluginEnvironment environment;
  private final PluginSettings settings;
  private final PluginLogTail logs;
  private final BundleInstaller installer;

  public PluginConsole(PluginEnvironment environment, PluginSettings settings, PluginLogTail logs,
      BundleInstaller installer) {
    this.environment = environment;
    this.settings = settings;
    this.logs = logs;
    this.installer = installer;
  }

  @Override
  public List<PluginInfo> statuses() {
    return environment.statuses().stream().sorted(Comparator.comparing(PluginStatus::pluginId)).map(this::info)
        .toList();
  }

  @Override
  public Optional<PluginInfo> restart(String pluginId) {
    return known(pluginId).map(id -> info(environment.restart(id)));
  }

  @Override
  public Optional<PluginInfo> enable(String pluginId) {
    return known(pluginId).map(id -> info(environment.activate(id)));
  }

  @Override
  public Optional<PluginInfo> disable(String pluginId) {
    return known(pluginId).map(id -> info(environment.deactivate(id)));
  }

  @Override
  public synchronized PluginInfo install(InputStream bundle, boolean force) {
    try {
      String id = installer.install(bundle, force, this::removeForReplace);
      logs.forget(id);
      try {
        return info(environment.activate(id));
      } catch (NoSuchElementException e) {
        throw AppErrorException.badRequest("app.plugin.install.app_error", "The bundle's plugin '" + id
            + "' was unpacked but the runtime does not find it: " + e.getMessage());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("installing a plugin bundle", e);
    }
  }

  @Override
  public synchronized boolean remove(String pluginId) {
    if (known(pluginId).isEmpty()) {
      return false;
    }
    removeForReplace(pluginId);
    return true;
  }

  private void removeForReplace(String pluginId) {
    Optional<java.nio.file.Path> dir = environment.manifest(pluginId).map(m -> m.directory());
    if (environment.status(pluginId).isPresent()) {
      environment.remove(pluginId); // stopped and forgotten: its directory may go
    }
    dir.or(() -> installer.directoryOf(pluginId)).ifPresent(BundleInstaller::deleteTree);
  }

  @Override
  public List<String> logTail(String pluginId, int lines) {
    return logs.tail(pluginId, Math.min(lines, PluginLogTail.KEPT));
  }

  @Override
  public List<HookStat> hookStats(String pluginId) {
    return environment.metrics().ofPlugin(pluginId).values().stream()
        .sorted(Comparator.comparing(s -> s.hook().rpcName())).map(PluginConsole::stat).toList();
  }

  private static HookStat stat(HookMetrics.HookStats stats) {
    return new HookStat(stats.hook().rpcName(), stats.calls(), stats.errors(), stats.p50().toNanos() / 1e6,
        stats.p99().toNanos() / 1e6);
  }

  @Override
  public Struct settings(String pluginId) {
    return SecretSettings.mask(manifestJson(pluginId), settings.effective(pluginId));
  }

  @Override
  public void saveSettings(String pluginId, Struct values) {
    known(pluginId).orElseThrow(() -> AppErrorException.notFound("app.plugin.not_installed.app_error",
        "No plugin '" + pluginId + "'."));
    settings.save(pluginId, SecretSettings.unmask(manifestJson(pluginId), values, settings.get(pluginId)));
  }

  private Optional<String> known(String pluginId) {
    return environment.status(pluginId).map(PluginStatus::pluginId);
  }

  private String manifestJson(String pluginId) {
    return environment.manifest(pluginId).map(m -> m.json()).orElse("{\"id\":\"" + pluginId + "\"}");
  }

  private PluginInfo info(PluginStatus status) {
    String problem = status.reason().orElse(status.lastFailure().map(PluginFailure::message).orElse(""));
    Optional<Failure> failure = status.lastFailure().map(f -> new Failure(f.kind().name(), f.message(),
        f.exitCode().orElse(-1), f.stderrTail(), f.at().toEpochMilli()));
    return new PluginInfo(status.pluginId(), status.state().name(), status.restarts(), problem,
        manifestJson(status.pluginId()), failure, status.pid().orElse(0));
  }
}
