package dev.pyplugins.runtime.internal.supervision;

import dev.pyplugins.protocol.v1.HooksClient;
import dev.pyplugins.runtime.PluginException;
import dev.pyplugins.runtime.PluginStatus;
import dev.pyplugins.runtime.internal.manifest.InvalidManifestException;
import dev.pyplugins.runtime.internal.manifest.ManifestLoader;
import dev.pyplugins.runtime.internal.manifest.ManifestProblem;
import dev.pyplugins.runtime.internal.manifest.ValidatedManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The plugins of one plugins directory, by id: which directory each came from and the supervisor that runs
 * it. Finds plugin directories (sub-directories, sorted, hidden ones skipped), reads their manifests and
 * decides which id each start goes to. Thread-safe.
 */
public final class PluginRegistry {

  /** A plugin the registry knows: where it lives and who runs it. */
  public record Entry(Path directory, PluginSupervisor supervisor) {}

  private final Path pluginsDirectory;
  private final SupervisionContext context;
  private final Consumer<PluginStatus> listener;
  private final ManifestLoader manifests = new ManifestLoader();
  private final Map<String, Entry> plugins = new ConcurrentSkipListMap<>();

  public PluginRegistry(Path pluginsDirectory, SupervisionContext context, Consumer<PluginStatus> listener) {
    this.pluginsDirectory = pluginsDirectory;
    this.context = context;
    this.listener = listener;
  }

  /**
   * One start per plugin directory, not yet run: a valid manifest starts its plugin; an invalid one, or a
   * second directory with an id already taken, is refused (FAILED with MANIFEST_INVALID naming the field).
   */
  public List<Supplier<PluginStatus>> discoverAll() {
    Map<String, Path> seen = new LinkedHashMap<>();
    return directories().stream().map(dir -> startFrom(dir, seen)).toList();
  }

  /**
   * The start of plugin {@code pluginId}, its manifest read again from its directory (found by scanning for
   * a new plugin).
   *
   * @throws NoSuchElementException when no plugin directory has this id
   */
  public PluginStatus activate(String pluginId) {
    Entry known = plugins.get(pluginId);
    Path dir = known != null ? known.directory() : findDirectory(pluginId);
    PluginSupervisor supervisor = register(pluginId, dir);
    try {
      ValidatedManifest manifest = manifests.load(dir);
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
   * The known plugin.
   *
   * @throws NoSuchElementException for an unknown plugin id
   */
  public Entry known(String pluginId) {
    Entry entry = plugins.get(pluginId);
    if (entry == null) {
      throw new NoSuchElementException("no plugin with id '" + pluginId + "' is known; known: " + plugins.keySet());
    }
    return entry;
  }

  public Optional<Entry> find(String pluginId) {
    return Optional.ofNullable(plugins.get(pluginId));
  }

  /** Forgets a plugin, which must be stopped; its supervisor is closed. */
  public void forget(String pluginId) {
    Entry entry = plugins.remove(pluginId);
    if (entry != null) {
      entry.supervisor().close();
    }
  }

  public List<Entry> all() {
    return List.copyOf(plugins.values());
  }

  /** Plugin id to hooks client of every RUNNING plugin, in id order. */
  public Map<String, HooksClient> running() {
    Map<String, HooksClient> running = new LinkedHashMap<>();
    plugins.forEach((id, entry) -> entry.supervisor().hooks().ifPresent(h -> running.put(id, h)));
    return running;
  }

  private Supplier<PluginStatus> startFrom(Path dir, Map<String, Path> seen) {
    ValidatedManifest manifest;
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
      PluginSupervisor supervisor = register(dir.getFileName().toString(), dir);
      InvalidManifestException duplicate = new InvalidManifestException(manifest.id(),
          dir.resolve(ManifestLoader.FILE_NAME), List.of(new ManifestProblem("id", "'" + manifest.id()
              + "' is already the id of the plugin in " + other)));
      return () -> supervisor.refuse(duplicate);
    }
    PluginSupervisor supervisor = register(manifest.id(), dir);
    return () -> supervisor.start(manifest);
  }

  private PluginSupervisor register(String pluginId, Path dir) {
    return plugins.computeIfAbsent(pluginId, id -> new Entry(dir, new PluginSupervisor(id, context, listener)))
        .supervisor();
  }

  private Path findDirectory(String pluginId) {
    for (Path dir : directories()) {
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

  private List<Path> directories() {
    try (Stream<Path> dirs = Files.list(pluginsDirectory)) {
      return dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith("."))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the plugins directory " + pluginsDirectory, e);
    }
  }
}
