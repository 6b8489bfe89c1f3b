package dev.pyplugins.runtime.internal.supervision;

import dev.pyplugins.runtime.FailureKind;
import dev.pyplugins.runtime.PluginException;
import dev.pyplugins.runtime.internal.manifest.InvalidManifestException;
import dev.pyplugins.runtime.internal.manifest.ManifestLoader;
import dev.pyplugins.runtime.internal.manifest.ManifestProblem;
import dev.pyplugins.runtime.internal.manifest.ValidatedManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The plugin directories of one plugins directory (sub-directories, sorted, hidden ones skipped) and what
 * each claims. Only a valid manifest claims an id: a broken one is known by its directory alone, under a
 * key no plugin id can equal, so neither a broken manifest naming an id nor a directory named like one can
 * take that id from the real plugin. Thread-safe.
 */
final class PluginDirectories {
  /** One directory's manifest: valid (with the id it claims) or the reason it is not. */
  record Claim(Path directory, ValidatedManifest manifest, PluginException failure) {
    boolean valid() {
      return manifest != null;
    }
  }

  private final Path pluginsDirectory;
  private final ManifestLoader manifests = new ManifestLoader();

  PluginDirectories(Path pluginsDirectory) {
    this.pluginsDirectory = pluginsDirectory;
  }

  /** Every directory's claim, in directory order; reading one never stops the others being read. */
  List<Claim> claims() {
    return directories().stream().map(this::claim).toList();
  }

  /** The valid claims to {@code pluginId}, in directory order. */
  List<Claim> claimsTo(String pluginId) {
    return claims().stream().filter(c -> c.valid() && c.manifest().id().equals(pluginId)).toList();
  }

  Claim claim(Path dir) {
    try {
      return new Claim(dir, manifests.load(dir), null);
    } catch (PluginException e) {
      return new Claim(dir, null, e);
    } catch (RuntimeException e) {
      // Whatever went wrong with this directory, the others still load. The class only: no content.
      return new Claim(dir, null, new InvalidManifestException(null, dir.resolve(ManifestLoader.FILE_NAME),
          List.of(new ManifestProblem(ManifestLoader.FILE_NAME, "cannot be read: " + e.getClass().getName()))));
    }
  }

  /**
   * The registry key of a directory whose manifest is invalid: its name and a slash, which no plugin id
   * contains ({@code ^[a-zA-Z0-9-_.]+$}).
   */
  static String brokenKey(Path dir) {
    return dir.getFileName() + "/";
  }

  static boolean isBrokenKey(String key) {
    return key.endsWith("/");
  }

  /** The refusal of an id claimed by more than one directory; it names them all. */
  static PluginException contested(String pluginId, List<Claim> claimants) {
    String dirs = claimants.stream().map(c -> c.directory().toString()).collect(Collectors.joining(", "));
    return new PluginException(FailureKind.MANIFEST_INVALID, pluginId, "plugin id '" + pluginId + "' is claimed by "
        + claimants.size() + " plugin directories: " + dirs + "; none of them is started, since any could be an"
        + " impostor taking the real plugin's id, data and settings: remove all but one and activate it");
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
