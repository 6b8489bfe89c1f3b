package dev.pyplugins.sample.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The built page's files under a classpath folder (in the jar, or {@code target/classes} in a build),
 * looked up by URL path and kept once read. Thread-safe.
 */
final class WebAppFiles {
  /** One safe path segment: no dot files, no {@code ..}, no encoded or odd characters. */
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

  private final ClassLoader loader;
  private final String root;
  private final Map<String, Optional<WebAppAsset>> read = new ConcurrentHashMap<>();

  /**
   * @param root the classpath folder, such as {@code webapp}
   */
  WebAppFiles(ClassLoader loader, String root) {
    this.loader = loader;
    this.root = root.endsWith("/") ? root : root + "/";
  }

  /** The file at a URL path such as {@code /assets/index-x1.js}; empty for folders, unsafe or unknown paths. */
  Optional<WebAppAsset> find(String urlPath) {
    String relative = urlPath.startsWith("/") ? urlPath.substring(1) : urlPath;
    if (!isSafe(relative)) {
      return Optional.empty();
    }
    return read.computeIfAbsent(relative, this::load);
  }

  private static boolean isSafe(String relative) {
    if (relative.isEmpty() || relative.endsWith("/")) {
      return false;
    }
    for (String segment : relative.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private Optional<WebAppAsset> load(String relative) {
    URL url = loader.getResource(root + relative);
    if (url == null || !isFile(url)) {
      return Optional.empty();
    }
    try (InputStream in = url.openStream()) {
      return Optional.of(WebAppAsset.of(relative, in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + url, e);
    }
  }

  /** A classpath folder is a resource too: only plain files are served. */
  private static boolean isFile(URL url) {
    try {
      return switch (url.getProtocol()) {
        case "file" -> Files.isRegularFile(Path.of(url.toURI()));
        case "jar" -> !((JarURLConnection) url.openConnection()).getJarEntry().isDirectory();
        default -> false;
      };
    } catch (IOException | URISyntaxException e) {
      return false;
    }
  }
}
