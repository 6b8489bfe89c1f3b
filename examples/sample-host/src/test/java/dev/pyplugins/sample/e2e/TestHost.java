package dev.pyplugins.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import dev.pyplugins.runtime.RuntimeOptions;
import dev.pyplugins.sample.HostOptions;
import dev.pyplugins.sample.SampleHost;
import dev.pyplugins.sample.db.ProtoJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A sample host for one test: in this JVM, on a free port, with its database in {@code dataDir} and the
 * plugins copied into a plugins directory of its own. The plugins run on the test venv's interpreter
 * ({@code sample.test.python}, the SDK wheel installed), found because the copies carry no venv.
 */
final class TestHost implements AutoCloseable {
  private static final Path PYTHON = Path.of(System.getProperty("sample.test.python", "target/test-venv/bin/python"));
  private static final Path EXAMPLES = Path.of(System.getProperty("sample.examples.plugins", "../plugins"));
  private static final Path PROBES = Path.of(System.getProperty("sample.test.plugins", "src/test/plugins"));
  private static final Path WHEEL = Path.of(System.getProperty("sample.test.wheel", "target/wheel"));

  final SampleHost host;
  private final HttpClient http = HttpClient.newHttpClient();
  /** The session token REST calls carry: the seeded administrator's, unless {@link #logIn} changed it. */
  private String token = "";

  private TestHost(SampleHost host) {
    this.host = host;
  }

  /** Logs in over REST and makes later calls as that user; the session token. */
  String logIn(String username, String password) {
    token = "";
    HttpResponse<String> response = post("/api/v4/users/login", "{\"login_id\":\"" + username
        + "\",\"password\":\"" + password + "\"}");
    assertThat(response.statusCode()).as("login of %s: %s", username, response.body()).isEqualTo(200);
    token = response.headers().firstValue("Token").orElseThrow();
    return token;
  }

  /** Makes later calls as the seeded system administrator. */
  String logInAsAdmin() {
    return logIn(host.demoLogin().admin(), host.demoLogin().adminPassword());
  }

  /**
   * A plugins directory under {@code root} holding copies of the named plugins (directory names under
   * {@code examples/plugins} or {@code src/test/plugins}), without venvs or caches.
   */
  static Path plugins(Path root, String... names) throws IOException {
    Path dir = Files.createDirectories(root.resolve("plugins"));
    for (String name : names) {
      Path source = Files.isDirectory(EXAMPLES.resolve(name)) ? EXAMPLES.resolve(name) : PROBES.resolve(name);
      assertThat(source.resolve("plugin.json")).as("plugin " + name).exists();
      copy(source, dir.resolve(name));
    }
    return dir;
  }

  static TestHost start(Path dataDir, Path pluginsDir) throws Exception {
    return start(dataDir, pluginsDir, PYTHON);
  }

  /** A host whose plugins run on {@code python} (a venv with the SDK wheel and what the plugins need). */
  static TestHost start(Path dataDir, Path pluginsDir, Path python) throws Exception {
    return start(HostOptions.local(dataDir, pluginsDir, 0), python);
  }

  /**
   * A host that makes an installed plugin's venv with the build's SDK wheel ({@code sample.test.wheel}) and
   * a copy of examples/plugins/make_venv.py put in its plugins directory.
   */
  static TestHost startMakingVenvs(Path dataDir, Path pluginsDir) throws Exception {
    for (String file : new String[] {"make_venv.py", "constraints.txt"}) {
      Files.copy(EXAMPLES.resolve(file), pluginsDir.resolve(file));
    }
    HostOptions local = HostOptions.local(dataDir, pluginsDir, 0);
    return start(new HostOptions(local.host(), 0, dataDir, null, null, null, pluginsDir, false, false,
        java.util.List.of(), WHEEL), PYTHON);
  }

  private static TestHost start(HostOptions options, Path python) throws Exception {
    assertThat(python).as("the plugins' interpreter (made by the build)").exists();
    RuntimeOptions runtime = RuntimeOptions.builder().pythonCommand(python.toAbsolutePath().toString()).build();
    TestHost host = new TestHost(SampleHost.start(options, runtime));
    host.logInAsAdmin();
    return host;
  }

  URI uri(String path) {
    return host.uri().resolve(path);
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  HttpResponse<String> post(String path, String json) {
    return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> put(String path, String json) {
    return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    return sendRaw(request.header("Content-Type", "application/json"));
  }

  /** Sends as the logged-in user, with the request's own Content-Type. */
  HttpResponse<String> sendRaw(HttpRequest.Builder request) {
    try {
      if (!token.isEmpty()) {
        request.header("Authorization", "Bearer " + token);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpClient http() {
    return http;
  }

  /** The response's body as that message, after checking its status. */
  static <B extends Message.Builder> B body(HttpResponse<String> response, int status, B builder) {
    assertThat(response.statusCode()).as("HTTP status; body: %s", response.body()).isEqualTo(status);
    return ProtoJson.merge(response.body(), builder);
  }

  /** The response's body as a JSON object, after checking its status. */
  static Struct json(HttpResponse<String> response, int status) {
    return body(response, status, Struct.newBuilder()).build();
  }

  @Override
  public void close() {
    host.close();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
        Path relative = from.relativize(file);
        if (relative.toString().startsWith("venv") || relative.toString().contains("__pycache__")) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
