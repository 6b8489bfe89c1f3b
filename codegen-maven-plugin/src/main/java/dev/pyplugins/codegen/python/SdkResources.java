package dev.pyplugins.codegen.python;

import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The python-sdk-templates jar as the generator sees it: the Mustache templates and the handwritten core,
 * read from the classpath (a jar in a user's build, a directory in the reactor).
 */
final class SdkResources {

  static final String ROOT = "dev/pyplugins/python-sdk";
  private static final String CORE = ROOT + "/core";
  /** A file every core has; its location tells where the core tree is. */
  private static final String CORE_ANCHOR = CORE + "/__init__.py";

  private final StrictMustacheFactory mustache = new StrictMustacheFactory(ROOT + "/templates");

  /** Renders {@code templates/<name>.py.mustache} with the view. */
  String render(String name, Object view) {
    Mustache template = mustache.compile(name + ".py.mustache");
    StringWriter out = new StringWriter();
    template.execute(out, view);
    return out.toString();
  }

  /** Every file of the handwritten core, by path relative to the package root, in path order. */
  Map<String, byte[]> coreFiles() {
    URL anchor = SdkResources.class.getClassLoader().getResource(CORE_ANCHOR);
    if (anchor == null) {
      throw new IllegalStateException("the Python SDK core (" + CORE_ANCHOR + ") is not on the classpath; "
          + "is pyplugins-python-sdk-templates a dependency?");
    }
    try {
      URI uri = anchor.toURI();
      if (uri.getScheme().equals("jar")) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return readTree(jar.getPath("/" + CORE));
        }
      }
      return readTree(Path.of(uri).getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Python SDK core from " + anchor, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("unexpected resource URL " + anchor, e);
    }
  }

  private static Map<String, byte[]> readTree(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        if (relative.contains("__pycache__") || relative.endsWith(".pyc")) {
          continue;
        }
        files.put(relative, Files.readAllBytes(file));
      }
    }
    return files;
  }
}
