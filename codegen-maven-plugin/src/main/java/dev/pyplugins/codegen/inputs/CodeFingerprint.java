package dev.pyplugins.codegen.inputs;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The code and templates that turn inputs into outputs, as hashes: each jar (or class directory) holding
 * the orchestrator, a generator or the templates is hashed whole. A rebuilt snapshot of the plugin thus
 * regenerates even though its version did not change.
 */
final class CodeFingerprint {

  private CodeFingerprint() {}

  /**
   * Hashes the jars or directories that hold the given classes and resources.
   *
   * @param classes classes whose code counts
   * @param resources resource paths (such as a template directory) whose jars count; missing ones are
   *     skipped, as a run without Python generation need not have the templates
   * @return one line per code location, sorted: {@code <sha256> <file name>}
   */
  static List<String> of(List<Class<?>> classes, List<String> resources) throws IOException {
    TreeSet<Path> locations = new TreeSet<>();
    for (Class<?> type : classes) {
      String resource = type.getName().replace('.', '/') + ".class";
      locationOf(type.getClassLoader(), resource).ifPresent(locations::add);
    }
    for (String resource : resources) {
      locationOf(CodeFingerprint.class.getClassLoader(), resource).ifPresent(locations::add);
    }
    List<String> lines = new ArrayList<>();
    for (Path location : locations) {
      lines.add(hash(location) + " " + location.getFileName());
    }
    return lines;
  }

  private static Optional<Path> locationOf(ClassLoader loader, String resource) throws IOException {
    URL url = loader == null ? ClassLoader.getSystemResource(resource) : loader.getResource(resource);
    if (url == null) {
      return Optional.empty();
    }
    try {
      if (url.getProtocol().equals("jar")) {
        return Optional.of(Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI()));
      }
      if (url.getProtocol().equals("file")) {
        // A class directory: strip the resource path to get its root.
        Path file = Path.of(url.toURI());
        Path root = file;
        for (int i = resource.split("/").length; i > 0; i--) {
          root = root.getParent();
        }
        return Optional.of(root);
      }
    } catch (URISyntaxException e) {
      throw new IOException("cannot locate " + url, e);
    }
    // Unknown schemes (jrt: for JDK classes) hold no code of ours.
    return Optional.empty();
  }

  private static String hash(Path location) throws IOException {
    if (Files.isRegularFile(location)) {
      return Sha256.hex(location);
    }
    StringBuilder listing = new StringBuilder();
    try (Stream<Path> walk = Files.walk(location)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        listing.append(Sha256.hex(file)).append(' ').append(location.relativize(file)).append('\n');
      }
    }
    return Sha256.hex(listing.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
