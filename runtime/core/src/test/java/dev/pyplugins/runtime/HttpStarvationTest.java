package dev.pyplugins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.runtime.testing.JettyHost;
import dev.pyplugins.runtime.testing.SdkPlugins;
import dev.pyplugins.runtime.testing.StateLog;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The starvation attacks on the HTTP bridge, each with more clients than the pool it used to exhaust (the
 * container's threads, the SDK's hook workers), counts scaled down so they run in seconds: waiting requests
 * must hold no container thread, a busy plugin must pass its health checks, and requests beyond a plugin's
 * {@link RuntimeOptions#httpConcurrencyLimit()} get a fast 503.
 */
class HttpStarvationTest {
  private static final String ID = "com.example.busy";
  /** Container threads: Jetty needs a few for itself, the rest serve requests. */
  private static final int JETTY_THREADS = 12;
  @TempDir Path plugins;
  private final StateLog log = new StateLog();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<Socket> sockets = new ArrayList<>();
  private PluginEnvironment environment;
  private JettyHost jetty;

  private void start(Map<String, ?> behaviour, RuntimeOptions.Builder options, int jettyThreads) throws Exception {
    SdkPlugins.plugin(plugins, ID, behaviour);
    environment = PluginEnvironment.builder().pluginsDirectory(plugins).listener(log)
        .options(options.restartInitialDelay(Duration.ofMillis(100)).restartJitter(0).build()).build();
    environment.loadAll();
    assertThat(environment.status(ID).orElseThrow().state()).isEqualTo(PluginState.RUNNING);
    jetty = new JettyHost(environment, jettyThreads);
  }

  /** Health checks every 200 ms with a 500 ms deadline: three missed in a row (1.5 s) and the plugin is killed. */
  private static RuntimeOptions.Builder strictHealth() {
    return RuntimeOptions.builder().healthCheckInterval(Duration.ofMillis(200)).healthCheckTimeout(Duration.ofMillis(500))
        .pingFailLimit(3);
  }

  @AfterEach
  void stop() throws Exception {
    for (Socket socket : sockets) {
      socket.close();
    }
    if (jetty != null) {
      jetty.close();
    }
    if (environment != null) {
      environment.close();
    }
  }

  private CompletableFuture<HttpResponse<String>> getAsync(String path) {
    return http.sendAsync(HttpRequest.newBuilder(URI.create(jetty.url(path))).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A request that must be answered while the attack goes on (5 s: generous on a loaded machine). */
  private HttpResponse<String> probe(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(jetty.url(path))).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private long pid() {
    return environment.status(ID).orElseThrow().pid().getAsLong();
  }

  private void assertNeverLeftRunning(long since) {
    assertThat(log.changes()).filteredOn(c -> c.nanos() > since).as("state changes during the attack").isEmpty();
    assertThat(environment.status(ID).orElseThrow().state()).isEqualTo(PluginState.RUNNING);
  }

  @Test
  void requestsWaitingForASlowRouteHoldNoContainerThread() throws Exception {
    start(Map.of(), RuntimeOptions.builder(), JETTY_THREADS);
    int clients = JETTY_THREADS * 2 + 6;
    List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      slow.add(getAsync("/plugins/" + ID + "/slow?ms=4000"));
    }
    Thread.sleep(1000); // all of them are in the plugin's handler now
    long probing = System.nanoTime();
    assertThat(probe("/ping").body()).isEqualTo("pong");
    assertThat(probe("/plugins/" + ID + "/status").statusCode()).isEqualTo(200);
    long probeMs = StateLog.millisBetween(probing, System.nanoTime());
    for (CompletableFuture<HttpResponse<String>> response : slow) {
      assertThat(response.get(60, TimeUnit.SECONDS).body()).isEqualTo("slow");
    }
    System.out.printf("%d requests waiting on a 4 s plugin route, %d container threads: the host's servlet and a"
        + " plugin route answered in %d ms; all %d slow requests answered 200%n", clients, JETTY_THREADS, probeMs,
        clients);
  }

  @Test
  void slowBodyUploadsHoldNoContainerThread() throws Exception {
    start(Map.of(), RuntimeOptions.builder(), JETTY_THREADS);
    int clients = JETTY_THREADS * 2;
    for (int i = 0; i < clients; i++) {
      Socket socket = new Socket("127.0.0.1", jetty.port());
      sockets.add(socket);
      socket.getOutputStream().write(("POST /plugins/" + ID + "/upload HTTP/1.1\r\nHost: localhost\r\n"
          + "Connection: close\r\nContent-Length: 1000\r\n\r\nx").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
    }
    Thread.sleep(1000);
    assertThat(probe("/ping").body()).isEqualTo("pong");
    assertThat(probe("/plugins/" + ID + "/status").statusCode()).isEqualTo(200);
    Socket last = sockets.get(clients - 1);
    last.getOutputStream().write(new byte[999]);
    last.getOutputStream().flush();
    last.setSoTimeout(10_000);
    String reply = new String(last.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    assertThat(reply).startsWith("HTTP/1.1 200 OK").contains("1000"); // the plugin counted the whole body
    System.out.printf("%d slow-body uploads, %d container threads: the host's servlet and a plugin route answered%n",
        clients, JETTY_THREADS);
  }

  @Test
  void sseClientsBeyondTheContainerAndSdkPoolsStarveNeitherTheHostNorTheHealthChecks() throws Exception {
    int workers = 8;
    start(Map.of("max_workers", workers), strictHealth(), JETTY_THREADS);
    long pid = pid();
    long since = System.nanoTime();
    int clients = Math.max(workers, JETTY_THREADS) + 8;
    for (int i = 0; i < clients; i++) {
      Socket socket = new Socket("127.0.0.1", jetty.port());
      sockets.add(socket);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /plugins/" + ID + "/stream HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    Thread.sleep(3000); // two strict health-check failure windows
    assertThat(probe("/ping").body()).isEqualTo("pong");
    assertThat(pid()).isEqualTo(pid);
    assertNeverLeftRunning(since);
    System.out.printf("%d SSE clients (%d SDK workers, %d container threads) for 3 s: no health check missed, the host"
        + " answered%n", clients, workers, JETTY_THREADS);
  }

  @Test
  void aBurstOnASlowRouteAboveTheSdkWorkersDoesNotGetThePluginKilled() throws Exception {
    int workers = 4;
    start(Map.of("max_workers", workers), strictHealth(), 200);
    long pid = pid();
    long since = System.nanoTime();
    int clients = workers * 3;
    List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      slow.add(getAsync("/plugins/" + ID + "/slow?ms=2000"));
    }
    for (CompletableFuture<HttpResponse<String>> response : slow) {
      assertThat(response.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
    assertThat(pid()).isEqualTo(pid);
    assertNeverLeftRunning(since);
    System.out.printf("%d concurrent 2 s requests over %d SDK workers (the hooks queued %d s): all 200, no health"
        + " check missed%n", clients, workers, clients / workers * 2);
  }

  private record Answer(int status, String retryAfter, String body, long atMs) {}

  @Test
  void requestsBeyondThePluginsConcurrencyLimitGetAFast503() throws Exception {
    int limit = 6;
    start(Map.of(), RuntimeOptions.builder().httpConcurrencyLimit(limit), 200);
    int clients = limit * 3;
    long started = System.nanoTime();
    List<CompletableFuture<Answer>> all = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      all.add(getAsync("/plugins/" + ID + "/slow?ms=5000").thenApply(r -> new Answer(r.statusCode(),
          r.headers().firstValue("Retry-After").orElse(""), r.body(), StateLog.millisBetween(started, System.nanoTime()))));
    }
    List<Answer> answers = new ArrayList<>();
    for (CompletableFuture<Answer> answer : all) {
      answers.add(answer.get(60, TimeUnit.SECONDS));
    }
    List<Answer> ok = answers.stream().filter(a -> a.status() == 200).toList();
    List<Answer> refused = answers.stream().filter(a -> a.status() == 503).toList();
    assertThat(ok).hasSize(limit);
    assertThat(refused).hasSize(clients - limit).allSatisfy(a -> {
      assertThat(a.retryAfter()).isEqualTo("1");
      assertThat(a.body()).contains("'" + ID + "'", "httpConcurrencyLimit " + limit);
    });
    long slowest503 = refused.stream().mapToLong(Answer::atMs).max().orElseThrow();
    long first200 = ok.stream().mapToLong(Answer::atMs).min().orElseThrow();
    assertThat(slowest503).as("every refusal came before the first admitted request finished").isLessThan(first200);
    assertThat(probe("/plugins/" + ID + "/status").statusCode()).as("the limit frees up once they finish").isEqualTo(200);
    System.out.printf("%d concurrent 5 s requests, limit %d: %d answered 200 (the first after %d ms), %d refused"
        + " with 503 + Retry-After, the slowest refusal after %d ms%n", clients, limit, ok.size(), first200,
        refused.size(), slowest503);
  }
}
