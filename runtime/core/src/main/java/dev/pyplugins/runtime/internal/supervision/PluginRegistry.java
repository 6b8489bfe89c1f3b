package dev.pyplugins.runtime.internal.supervision;

import dev.pyplugins.protocol.v1.HooksClient;
import dev.pyplugins.runtime.PluginStatus;
import dev.pyplugins.runtime.internal.manifest.InvalidManifestException;
import dev.pyplugins.runtime.internal.manifest.ManifestLoader;
import dev.pyplugins.runtime.internal.manifest.ManifestProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The plugins of one plugins directory, by id: which directory each came from and the supervisor that runs
 * it. Decides which id each start goes to from what the directories claim ({@link PluginDirectories}).
 * Thread-safe.
 */
public final class PluginRegistry {

  /** A plugin the registry knows: where it lives and who runs it. */
  public record Entry(Path directory, PluginSupervisor supervisor) {}

  private final Path pluginsDirectory;
  private final SupervisionContext context;
  private final Consumer<PluginStatus> listener;
  private final PluginDirectories directories;
  private final Map<String, Entry> plugins = new ConcurrentSkipListMap<>();

  public PluginRegistry(Path pluginsDirectory, SupervisionContext context, Consumer<PluginStatus> listener) {
    this.pluginsDirectory = pluginsDirectory;
    this.context = context;
    this.listener = listener;
    this.directories = new PluginDirectories(pluginsDirectory);
  }

  /**
   * One start per plugin directory, not yet run: a valid manifest whose id no other directory claims starts
   * its plugin; an id claimed by several directories is refused for all of them (FAILED under that id, the
   * message naming every directory); an invalid manifest is refused under its directory's key (the
   * directory name and a slash), never under the id it names nor its directory name alone.
   */
  public List<Supplier<PluginStatus>> discoverAll() {
    List<PluginDirectories.Claim> claims = directories.claims();
    Map<String, List<PluginDirectories.Claim>> byId = new LinkedHashMap<>();
    claims.stream().filter(PluginDirectories.Claim::valid)
        .forEach(c -> byId.computeIfAbsent(c.manifest().id(), id -> new ArrayList<>()).add(c));
    List<Supplier<PluginStatus>> starts = new ArrayList<>();
    for (PluginDirectories.Claim claim : claims) {
      if (!claim.valid()) {
        PluginSupervisor supervisor = register(PluginDirectories.brokenKey(claim.directory()), claim.directory());
        starts.add(() -> supervisor.refuse(claim.failure()));
        continue;
      }
      String id = claim.manifest().id();
      List<PluginDirectories.Claim> claimants = byId.get(id);
      if (claimants.size() == 1) {
        PluginSupervisor supervisor = register(id, claim.directory());
        starts.add(() -> supervisor.start(claim.manifest()));
      } else if (claimants.get(0) == claim) {
        PluginSupervisor supervisor = register(id, claim.directory());
        starts.add(() -> supervisor.refuse(PluginDirectories.contested(id, claimants)));
      }
    }
    return starts;
  }

  /**
   * The start of plugin {@code pluginId}, its manifest read again from the one directory claiming the id
   * (a plugin added since is found by scanning); refused when several directories claim it. For the key of
   * a broken directory ({@code name/}), that directory is read again and, now valid, started under its id.
   *
   * @throws NoSuchElementException when no plugin directory has this id
   */
  public PluginStatus activate(String pluginId) {
    Entry known = plugins.get(pluginId);
    if (known != null && PluginDirectories.isBrokenKey(pluginId)) {
      PluginDirectories.Claim claim = directories.claim(known.directory());
      if (!claim.valid()) {
        return known.supervisor().refuse(claim.failure());
      }
      forget(pluginId);
      return activate(claim.manifest().id());
    }
    List<PluginDirectories.Claim> claimants = directories.claimsTo(pluginId);
    if (claimants.size() > 1) {
      return register(pluginId, claimants.get(0).directory()).refuse(PluginDirectories.contested(pluginId, claimants));
    }
    if (claimants.isEmpty()) {
      if (known == null) {
        throw new NoSuchElementException("no plugin directory in " + pluginsDirectory + " has id '" + pluginId + "'");
      }
      PluginDirectories.Claim claim = directories.claim(known.directory());
      return known.supervisor().refuse(claim.valid()
          ? new InvalidManifestException(pluginId, known.directory().resolve(ManifestLoader.FILE_NAME),
              List.of(new ManifestProblem("id", "is now '" + claim.manifest().id() + "', was '" + pluginId
                  + "'; a plugin's id cannot change while the host runs")))
          : claim.failure());
    }
    PluginDirectories.Claim claim = claimants.get(0);
    Entry entry = plugins.compute(pluginId, (id, old) -> old == null
        ? new Entry(claim.directory(), new PluginSupervisor(id, context, listener))
        : new Entry(claim.directory(), old.supervisor()));
    return entry.supervisor().start(claim.manifest());
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

  private PluginSupervisor register(String pluginId, Path dir) {
    return plugins.computeIfAbsent(pluginId, id -> new Entry(dir, new PluginSupervisor(id, context, listener)))
        .supervisor();
  }
}
