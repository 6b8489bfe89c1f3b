package dev.pyplugins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyplugins.runtime.support.BodyChunks;
import dev.pyplugins.runtime.testing.JettyHost;
import dev.pyplugins.runtime.testing.PluginProcesses;
import dev.pyplugins.runtime.testing.SdkPlugins;
import dev.pyplugins.runtime.testing.StateLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP bridge in a real servlet container, in front of a Python SDK plugin. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginHttpServletTest {
  private static final String ID = "com.example.web";
  @TempDir static Path plugins;
  private final StateLog log = new StateLog();
  private PluginEnvironment environment;
  private JettyHost jetty;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  void start() throws Exception {
    SdkPlugins.plugin(plugins, ID, Map.of());
    SdkPlugins.plugin(plugins, "com.example.bare", Map.of("bare", true));
    environment = PluginEnvironment.builder().pluginsDirectory(plugins).listener(log)
        .options(RuntimeOptions.builder().restartInitialDelay(Duration.ofSeconds(2)).restartJitter(0).build()).build();
    environment.loadAll();
    jetty = new JettyHost(environment);
  }

  @AfterAll
  void stop() throws Exception {
    jetty.close();
    environment.close();
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void streamsBodiesBothWaysWithHeadersAndThePluginRelativeUrl() throws Exception {
    byte[] body = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(body);
    HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(jetty.url("/plugins/" + ID + "/echo?x=1&y=2")))
        .header("Content-Type", "application/x-test").POST(HttpRequest.BodyPublishers.ofByteArray(body)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Plugin-Url")).contains("/echo?x=1&y=2");
    assertThat(response.headers().firstValue("Content-Type")).contains("application/x-test");
    assertThat(response.body()).isEqualTo(body);
  }

  @Test
  void anUploadReachesThePluginInFullSizedPiecesNotOnePerContainerRead() throws Exception {
    int size = 4 * 1024 * 1024;
    HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(jetty.url("/plugins/" + ID + "/pieces")))
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[size])));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode seen = new ObjectMapper().readTree(response.body());
    assertThat(seen.path("bytes").asInt()).isEqualTo(size);
    int pieces = seen.path("pieces").asInt();
    System.out.printf("a 4 MiB upload reached the plugin in %d pieces (%d full ones would do)%n", pieces,
        size / BodyChunks.CHUNK_SIZE);
    // Jetty reads the body in pieces of its input buffer; sending each as a message made 8 KiB ones at best.
    assertThat(pieces).isLessThanOrEqualTo(2 * size / BodyChunks.CHUNK_SIZE);
  }

  @Test
  void statusZeroIsOkAndOutOfRangeIsServerError() throws Exception {
    assertThat(send(HttpRequest.newBuilder(URI.create(jetty.url("/plugins/" + ID + "/status?code=0")))).statusCode())
        .isEqualTo(200);
    assertThat(send(HttpRequest.newBuilder(URI.create(jetty.url("/plugins/" + ID + "/status?code=201")))).statusCode())
        .isEqualTo(201);
    assertThat(send(HttpRequest.newBuilder(URI.create(jetty.url("/plugins/" + ID + "/status?code=1000")))).statusCode())
        .isEqualTo(500);
    assertThat(send(HttpRequest.newBuilder(URI.create(jetty.url("/plugins/" + ID)))).body())
        .asString().isEqualTo("no route /");
  }

  @Test
  void unknownPluginIsNotFound() throws Exception {
    HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(jetty.url("/plugins/com.example.nope/x"))));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(send(HttpRequest.newBuilder(URI.create(jetty.url("/plugins/")))).statusCode()).isEqualTo(404);
  }

  @Test
  void pluginWithoutServeHttpIsNotFound() throws Exception {
    HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(jetty.url("/plugins/com.example.bare/x"))));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).asString().contains("does not serve HTTP");
  }

  @Test
  void clientDisconnectCancelsThePluginsHandler() throws Exception {
    Path marker = plugins.resolve(ID).resolve("http-cancelled");
    Files.deleteIfExists(marker);
    long closedAt;
    try (Socket socket = new Socket("127.0.0.1", jetty.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET /plugins/" + ID + "/stream HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      int events = 0;
      String line;
      while (events < 3 && (line = in.readLine()) != null) {
        if (line.startsWith("data: ")) {
          events++;
        }
      }
      assertThat(events).isEqualTo(3);
      closedAt = System.nanoTime();
    }
    assertThat(PluginProcesses.await(Duration.ofSeconds(10), () -> Files.exists(marker))).isTrue();
    long ms = (System.nanoTime() - closedAt) / 1_000_000;
    String observed = Files.readString(marker).strip();
    System.out.printf("client disconnect: the plugin's ServeHTTP handler saw the cancellation %d ms after the client"
        + " closed (%s)%n", ms, observed);
    assertThat(ms).isLessThan(5000);
  }

  @Test
  void restartingPluginIsServiceUnavailableUntilItIsBack() throws Exception {
    long pid = environment.status(ID).orElseThrow().pid().getAsLong();
    long killed = System.nanoTime();
    PluginProcesses.sigkill(pid);
    log.awaitState(ID, killed, PluginState.RESTARTING, Duration.ofSeconds(5));

    HttpResponse<byte[]> during = send(HttpRequest.newBuilder(URI.create(jetty.url("/plugins/" + ID + "/status"))));
    assertThat(during.statusCode()).isEqualTo(503);
    assertThat(during.headers().firstValue("Retry-After")).contains("1");

    log.awaitState(ID, killed, PluginState.RUNNING, Duration.ofSeconds(15));
    assertThat(send(HttpRequest.newBuilder(URI.create(jetty.url("/plugins/" + ID + "/status")))).statusCode())
        .isEqualTo(200);
  }
}
