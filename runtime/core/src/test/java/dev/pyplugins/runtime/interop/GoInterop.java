package dev.pyplugins.runtime.interop;

import com.google.protobuf.Struct;
import dev.pyplugins.runtime.testing.SdkPlugins;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Builds the Go side of the interop tests from {@code src/test/go} (a module of our own using the real
 * hashicorp/go-plugin from the Go module proxy) into {@code target/go-interop/bin}: {@code goplugin} (a Go
 * plugin serving PluginHooks) and {@code gohost} (a go-plugin host). The PluginHooks stubs are generated
 * at test time from {@code proto/} with the protoc Maven resolved and protoc-gen-go / protoc-gen-go-grpc
 * installed with {@code go install}. Every Go cache lives under {@code target/}, so a fresh clone needs
 * only {@code go} itself; without it the build fails with a message saying so.
 */
final class GoInterop {
  /** The generators, pinned to the module versions go.mod uses. */
  static final List<String> GENERATORS = List.of("google.golang.org/protobuf/cmd/protoc-gen-go@v1.36.12",
      "google.golang.org/grpc/cmd/protoc-gen-go-grpc@v1.6.2");
  private static final String MODULE = "pyplugins.dev/interop";
  private static final String ROOT_PROTO = "mattermost/pluginapi/v1/hooks.proto";
  private static final Pattern IMPORT = Pattern.compile("^import\\s+\"([^\"]+)\";", Pattern.MULTILINE);
  private static Path bin;

  private GoInterop() {}

  /** The directory with {@code goplugin} and {@code gohost}, built on first use. */
  static synchronized Path binaries() throws IOException, InterruptedException {
    if (bin == null) {
      bin = build();
    }
    return bin;
  }

  /** The {@code go} command: on the PATH, or Go's default install location. */
  static Path goCommand() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "go");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    for (Path candidate : List.of(Path.of("/usr/local/go/bin/go"), Path.of(System.getProperty("user.home"), "go",
        "bin", "go"))) {
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("the Go toolchain is missing: the go-plugin interop tests build a Go plugin and a Go"
        + " host with hashicorp/go-plugin and need `go` (1.24 or newer) on the PATH or in /usr/local/go/bin;"
        + " install it from https://go.dev/dl or your distribution (golang-go)");
  }

  private static Path build() throws IOException, InterruptedException {
    Path go = goCommand();
    Path target = SdkPlugins.targetDirectory();
    Path caches = target.resolve("go");
    Path work = target.resolve("go-interop");
    Path src = work.resolve("src");
    Path out = work.resolve("bin");
    copyTree(Path.of(Objects.requireNonNull(System.getProperty("pyplugins.go.sources"), "pyplugins.go.sources")), src);
    Files.createDirectories(out);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("GOPATH", caches.resolve("path").toString());
    env.put("GOMODCACHE", caches.resolve("mod").toString());
    env.put("GOCACHE", caches.resolve("cache").toString());
    env.put("GOBIN", caches.resolve("bin").toString());
    env.put("GOFLAGS", "-mod=mod -modcacherw"); // writable module cache: `mvn clean` can delete it
    env.put("GOTOOLCHAIN", "local");
    env.put("CGO_ENABLED", "0");
    env.put("PATH", caches.resolve("bin") + ":" + go.getParent() + ":" + System.getenv("PATH"));
    for (String generator : GENERATORS) {
      String name = generator.substring(generator.lastIndexOf('/') + 1, generator.indexOf('@'));
      if (!Files.isExecutable(caches.resolve("bin").resolve(name))) {
        run(List.of(go.toString(), "install", generator), src, env);
      }
    }
    generateStubs(work, src, env);
    run(List.of(go.toString(), "build", "-o", out + "/", "./cmd/goplugin", "./cmd/gohost"), src, env);
    return out;
  }

  private static void generateStubs(Path work, Path src, Map<String, String> env)
      throws IOException, InterruptedException {
    Path protoc = Path.of(System.getProperty("pyplugins.test.inputs"), "protoc");
    Files.setPosixFilePermissions(protoc, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path protos = Path.of(Objects.requireNonNull(System.getProperty("pyplugins.proto.dir"), "pyplugins.proto.dir"));
    Path include = work.resolve("include");
    extractWellKnownProtos(include);
    List<String> command = new ArrayList<>(List.of(protoc.toString(), "-I" + protos, "-I" + include,
        "--go_out=" + src, "--go_opt=module=" + MODULE, "--go-grpc_out=" + src, "--go-grpc_opt=module=" + MODULE));
    Set<String> files = importClosure(protos);
    for (String file : files) {
      command.add("--go_opt=M" + file + "=" + MODULE + "/hookspb");
      command.add("--go-grpc_opt=M" + file + "=" + MODULE + "/hookspb");
    }
    command.addAll(files);
    run(command, src, env);
  }

  /** hooks.proto and every file of ours it imports, directly or not. */
  private static Set<String> importClosure(Path protos) throws IOException {
    Set<String> seen = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(ROOT_PROTO));
    while (!todo.isEmpty()) {
      String file = todo.pop();
      if (file.startsWith("google/") || !seen.add(file)) {
        continue;
      }
      Matcher m = IMPORT.matcher(Files.readString(protos.resolve(file)));
      while (m.find()) {
        todo.push(m.group(1));
      }
    }
    return seen;
  }

  /** google/protobuf/*.proto from the protobuf-java jar (protoc's own includes). */
  private static void extractWellKnownProtos(Path include) throws IOException {
    Path jar;
    try {
      jar = Path.of(Struct.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : zip.stream().filter(e -> e.getName().matches("google/protobuf/[^/]+\\.proto")).toList()) {
        Path file = include.resolve(entry.getName());
        Files.createDirectories(file.getParent());
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  static String run(List<String> command, Path dir, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    long start = System.nanoTime();
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command.subList(0, Math.min(3, command.size()))) + " failed in " + dir
          + ":\n" + output);
    }
    System.out.printf("go interop build: %s took %d ms%n", String.join(" ", command.subList(0, Math.min(3,
        command.size()))), (System.nanoTime() - start) / 1_000_000);
    return output;
  }
}
