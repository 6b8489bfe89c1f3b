package dev.pyplugins.codegen.java;

import dev.pyplugins.codegen.GeneratedFile;
import dev.pyplugins.codegen.GenerationOptions;
import dev.pyplugins.codegen.TestProtocols;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a protocol's Java as a host project would: protoc's message classes and grpc-java's stubs plus our
 * generated sources,
 * against the test classpath (gRPC, protobuf, the support library), with every lint warning on. Results
 * are cached per protocol for the test run, since the full protocol takes a while.
 */
final class Javac {

  /**
   * A compiled protocol.
   *
   * @param generated the generated sources that took part
   * @param diagnostics what javac reported, errors and warnings
   * @param generatedDir where the generated sources were written (to tell their warnings apart)
   * @param loader loads the compiled classes, with the test classpath as parent; null when it failed
   */
  record Result(List<GeneratedFile> generated, List<Diagnostic<? extends JavaFileObject>> diagnostics,
      Path generatedDir, ClassLoader loader) {

    List<String> errors() {
      return describe(diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR));
    }

    /** Warnings about our generated sources (protoc's own output is not ours to lint). */
    List<String> warningsInGenerated() {
      return describe(diagnostics.stream().filter(d -> d.getKind() != Diagnostic.Kind.ERROR
          && d.getKind() != Diagnostic.Kind.NOTE && d.getSource() != null
          && Path.of(d.getSource().toUri()).startsWith(generatedDir)));
    }

    Class<?> load(String name) {
      try {
        return Class.forName(name, true, loader);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("the compiled protocol has no class " + name, e);
      }
    }

    private static List<String> describe(Stream<Diagnostic<? extends JavaFileObject>> diagnostics) {
      return diagnostics.map(d -> (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
          + d.getMessage(Locale.ROOT)).toList();
    }
  }

  private static final Map<String, Result> CACHE = new HashMap<>();

  private Javac() {}

  /** The full protocol in {@code ../proto}, generated with the default options. */
  static synchronized Result fullProtocol() {
    return CACHE.computeIfAbsent("full", k -> compile(k, TestProtocols.fullProtocol(), GenerationOptions.defaults()));
  }

  /** A test protocol under {@code src/test/proto}, generated with the default options. */
  static synchronized Result testProtocol(String name) {
    return testProtocol(name, "", GenerationOptions.defaults());
  }

  /** A test protocol generated with other options; {@code variant} names them in the cache and work directory. */
  static synchronized Result testProtocol(String name, String variant, GenerationOptions options) {
    String key = variant.isEmpty() ? name : name + "-" + variant;
    return CACHE.computeIfAbsent(key, k -> compile(k, TestProtocols.testProtocol(name), options));
  }

  private static Result compile(String name, TestProtocols.Compiled protocol, GenerationOptions options) {
    List<GeneratedFile> generated = GeneratedJava.generate(protocol, options);
    try {
      Path work = Path.of("target", "javac-tests", name).toAbsolutePath();
      deleteRecursively(work);
      Path sources = work.resolve("src");
      Path classes = Files.createDirectories(work.resolve("classes"));
      Files.createDirectories(sources);
      for (GeneratedFile file : generated) {
        Path target = sources.resolve(file.path());
        Files.createDirectories(target.getParent());
        Files.write(target, file.content());
      }
      List<Path> files = new ArrayList<>(javaFiles(protocol.javaOutput()));
      if (Files.isDirectory(protocol.grpcJavaOutput())) {
        files.addAll(javaFiles(protocol.grpcJavaOutput()));
      }
      files.addAll(javaFiles(sources));
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      boolean ok;
      try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
          StandardCharsets.UTF_8)) {
        List<String> javacOptions = List.of("-d", classes.toString(), "-classpath", testClasspath(), "--release", "17",
            "-proc:none", "-encoding", "UTF-8", "-Xlint:all", "-Xmaxwarns", "100000", "-Xmaxerrs", "1000");
        ok = compiler.getTask(null, fileManager, diagnostics, javacOptions, null,
            fileManager.getJavaFileObjectsFromPaths(files)).call();
      }
      ClassLoader loader = ok ? new URLClassLoader(new URL[] {classes.toUri().toURL()}, Javac.class.getClassLoader())
          : null;
      return new Result(generated, diagnostics.getDiagnostics(), sources.toRealPath(), loader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static List<Path> javaFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static String testClasspath() throws MalformedURLException {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path", "")
        .replace(';', File.pathSeparatorChar);
  }
}
