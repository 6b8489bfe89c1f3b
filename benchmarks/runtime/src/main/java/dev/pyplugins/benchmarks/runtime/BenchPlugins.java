package dev.pyplugins.benchmarks.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes plugin directories as a host would find them: {@code plugin.json} (runtime python), the entry
 * point copied from the benchmark's Python sources, and {@code venv} linking to the benchmark venv, which
 * the runtime's venv-first discovery picks.
 */
final class BenchPlugins {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path scripts;
  private final Path venv;

  /** @param python the venv's {@code bin/python} */
  BenchPlugins(Path scripts, Path python) {
    this.scripts = scripts;
    this.venv = python.getParent().getParent();
  }

  /** Makes {@code root/id} running {@code script} (a file of the benchmark's Python sources). */
  Path write(Path root, String id, String script) throws IOException {
    Path dir = Files.createDirectories(root.resolve(id));
    Files.copy(scripts.resolve(script), dir.resolve("plugin.py"), StandardCopyOption.REPLACE_EXISTING);
    JSON.writeValue(dir.resolve("plugin.json").toFile(), Map.of("id", id, "version", "1.0.0",
        "server", Map.of("runtime", "python", "python", Map.of("entry_point", "plugin.py"))));
    Path link = dir.resolve("venv");
    if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
      Files.createSymbolicLink(link, venv);
    }
    return dir;
  }
}
