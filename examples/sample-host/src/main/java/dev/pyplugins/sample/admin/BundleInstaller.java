package dev.pyplugins.sample.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.sample.rest.MattermostJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Installs a plugin bundle into the plugins directory: unpacks it into a hidden staging directory there
 * (which the runtime's loader skips), finds its {@code plugin.json} (at the top or in the one top-level
 * directory, as in Mattermost's bundles), checks the id, moves it to {@code <plugins dir>/<id>} in one rename
 * and makes its venv there. A failure at any step leaves the plugins directory as it was.
 */
public final class BundleInstaller {
  private static final Pattern ID = Pattern.compile("[a-zA-Z0-9-_.]{3,190}");
  private static final long MANIFEST_LIMIT = 1 << 20;

  private final Path pluginsDir;
  private final Optional<VenvMaker> venvs;

  /** @param venvs how to make an installed plugin's venv; empty to install without one */
  public BundleInstaller(Path pluginsDir, Optional<VenvMaker> venvs) {
    this.pluginsDir = pluginsDir;
    this.venvs = venvs;
  }

  /**
   * @param replace called with the id when {@code force} and a plugin of that id is installed
   * @return the installed plugin's id
   */
  public String install(InputStream bundle, boolean force, Consumer<String> replace) throws IOException {
    Path staging = Files.createTempDirectory(Files.createDirectories(pluginsDir), ".install-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    try {
      BundleExtractor.extract(bundle, staging);
      Path root = pluginRoot(staging);
      String id = manifestId(root.resolve("plugin.json"));
      Path target = pluginsDir.resolve(id);
      if (Files.exists(target)) {
        if (!force) {
          throw AppErrorException.badRequest("app.plugin.install_id.app_error", "A plugin with the id '" + id
              + "' is already installed; send force=true to replace it.");
        }
        replace.accept(id);
        deleteTree(target);
      }
      Files.move(root, target, StandardCopyOption.ATOMIC_MOVE);
      try {
        if (venvs.isPresent()) {
          venvs.get().make(target); // made in place: a venv's scripts name their own path
        }
      } catch (IOException | RuntimeException e) {
        deleteTree(target);
        throw e;
      }
      return id;
    } finally {
      deleteTree(staging);
    }
  }

  /** The directory an installed plugin of this id would have. */
  public Optional<Path> directoryOf(String pluginId) {
    Path dir = pluginsDir.resolve(pluginId);
    return Files.isDirectory(dir) && ID.matcher(pluginId).matches() ? Optional.of(dir) : Optional.empty();
  }

  private static Path pluginRoot(Path staging) throws IOException {
    if (Files.isRegularFile(staging.resolve("plugin.json"))) {
      return staging;
    }
    try (Stream<Path> top = Files.list(staging)) {
      List<Path> entries = top.toList();
      if (entries.size() == 1 && Files.isRegularFile(entries.get(0).resolve("plugin.json"))) {
        return entries.get(0);
      }
    }
    throw BundleExtractor.refused("it has no plugin.json at its top or in its one top-level directory");
  }

  private static String manifestId(Path manifest) throws IOException {
    if (Files.size(manifest) > MANIFEST_LIMIT) {
      throw BundleExtractor.refused("its plugin.json is larger than " + MANIFEST_LIMIT + " bytes");
    }
    JsonNode json;
    try {
      json = MattermostJson.MAPPER.readTree(manifest.toFile());
    } catch (IOException e) {
      throw BundleExtractor.refused("its plugin.json is not valid JSON");
    }
    String id = json.path("id").asText("");
    if (!ID.matcher(id).matches()) {
      throw BundleExtractor.refused("its plugin.json id '" + id + "' must be 3 to 190 letters, digits, '.', '-' "
          + "or '_'");
    }
    return id;
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
