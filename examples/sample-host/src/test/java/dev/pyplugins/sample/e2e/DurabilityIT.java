package dev.pyplugins.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyplugins.sample.HostOptions;
import dev.pyplugins.sample.db.Database;
import dev.pyplugins.sample.db.TestDatabases;
import dev.pyplugins.sample.db.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10 item 9: a post the REST API acknowledged (201 with its id) is still there after a kill -9 of the
 * host. The host runs in a JVM of its own; several clients post as fast as it answers, the host is killed
 * mid-burst, started again on the same data, and every acknowledged id must be found. Two rounds per
 * database: on a fresh one, then on one that holds the first round's posts; and on an H2 file that holds
 * {@value #LARGE} posts before the first (its stores take longer, and H2 skipped a commit's store while
 * another was in progress, even with WRITE_DELAY 0).
 */
class DurabilityIT {
  private static final int CLIENTS = 6;
  private static final int ROUNDS = 2;
  /** Acknowledged posts before the kill: enough that writes are still in flight when it comes. */
  private static final int BEFORE_KILL = 300;
  /** Posts (400 characters each) in the large database before the first round. */
  private static final int LARGE = 150_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  @ParameterizedTest
  @ValueSource(strings = {"h2", "h2-large", "postgres"})
  void everyAcknowledgedPostSurvivesAKill9OfTheHost(String database, @TempDir Path root) throws Exception {
    Path data = root.resolve("data");
    List<String> options = List.of();
    Map<String, String> env = Map.of();
    if (database.equals("postgres")) {
      TestDatabases.open("postgres").close(); // emptied: a fresh database for the first round
      TestPostgres.Server server = TestPostgres.server();
      options = server.user() == null ? List.of("--jdbc-url", server.url())
          : List.of("--jdbc-url", server.url(), "--db-user", server.user());
      env = server.password() == null ? Map.of() : Map.of(HostOptions.DB_PASSWORD_ENV, server.password());
    } else if (database.equals("h2-large")) {
      fill(data);
    }
    int acknowledged = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      List<String> ids;
      try (ChildHost host = ChildHost.start(data, options, env)) {
        ids = burstThenKill(host, data);
      }
      try (ChildHost host = ChildHost.start(data, options, env)) {
        Set<String> missing = missing(host, data, ids);
        System.out.printf("durability (%s, round %d): %d posts acknowledged before the kill -9, %d lost%n",
            database, round, ids.size(), missing.size());
        assertThat(missing).as("acknowledged posts gone after the kill -9 (of %d)", ids.size()).isEmpty();
      }
      acknowledged += ids.size();
    }
    System.out.printf("durability (%s): %d rounds, %d acknowledged posts, 0 lost%n", database, ROUNDS, acknowledged);
  }

  /** Makes the host's H2 file in {@code data} with {@link #LARGE} posts in it. */
  private static void fill(Path data) throws IOException {
    Files.createDirectories(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    long start = System.nanoTime();
    try (Database db = Database.open("jdbc:h2:file:" + data.toAbsolutePath().resolve("sample-host"), null, null)) {
      db.update("INSERT INTO posts SELECT 'fill' || LPAD(CAST(X AS VARCHAR), 22, '0'), 'none', '', X, X, 0, "
          + "REPEAT('a', 400) FROM SYSTEM_RANGE(1, ?)", LARGE);
    }
    System.out.printf("durability: the large H2 file holds %d posts, %d MiB (made in %.1f s)%n", LARGE,
        Files.size(data.resolve("sample-host.mv.db")) >> 20, (System.nanoTime() - start) / 1e9);
  }

  /** Posts from {@link #CLIENTS} threads; kills the host while they still post; the acknowledged ids. */
  private List<String> burstThenKill(ChildHost host, Path data) throws Exception {
    Session session = logIn(host, data);
    ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
    AtomicInteger failedAfterKill = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    long start = System.nanoTime();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.submit(() -> {
        for (int n = 0; !killed.get(); n++) {
          HttpResponse<String> response;
          try {
            response = session.send("POST", "/api/v4/posts", "{\"channel_id\":\"" + session.channel
                + "\",\"message\":\"burst " + client + "-" + n + "\"}");
          } catch (IOException e) {
            failedAfterKill.incrementAndGet(); // the host is gone: nothing was acknowledged
            return null;
          }
          if (response.statusCode() == 201) {
            acked.add(JSON.readTree(response.body()).path("id").asText());
          } else if (!killed.get()) {
            throw new AssertionError("post refused: " + response.statusCode() + " " + response.body());
          }
        }
        return null;
      });
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (acked.size() < BEFORE_KILL && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    host.kill9();
    killed.set(true);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("durability: %d posts acknowledged in %.1f s (%.0f/s from %d clients), then kill -9%n",
        acked.size(), seconds, acked.size() / seconds, CLIENTS);
    clients.shutdown();
    assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).as("the clients stopped").isTrue();
    assertThat(acked).as("posts acknowledged before the kill").hasSizeGreaterThanOrEqualTo(BEFORE_KILL);
    assertThat(failedAfterKill.get()).as("clients still posting when the host was killed").isPositive();
    return new ArrayList<>(acked);
  }

  private Set<String> missing(ChildHost host, Path data, List<String> ids) throws Exception {
    Session session = logIn(host, data);
    Set<String> found = new HashSet<>();
    for (int from = 0; from < ids.size(); from += 200) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 200));
      HttpResponse<String> response = session.send("POST", "/api/v4/posts/ids", JSON.writeValueAsString(chunk));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      for (JsonNode post : JSON.readTree(response.body())) {
        found.add(post.path("id").asText());
      }
    }
    Set<String> missing = new HashSet<>(ids);
    missing.removeAll(found);
    return missing;
  }

  private Session logIn(ChildHost host, Path data) throws Exception {
    Session anonymous = new Session(host.uri(), "", "");
    HttpResponse<String> login = anonymous.send("POST", "/api/v4/users/login",
        "{\"login_id\":\"admin\",\"password\":\"" + ChildHost.adminPassword(data) + "\"}");
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    Session session = new Session(host.uri(), login.headers().firstValue("Token").orElseThrow(), "");
    String team = JSON.readTree(session.send("GET", "/api/v4/teams/name/demo", null).body()).path("id").asText();
    String channel = JSON.readTree(session.send("GET", "/api/v4/teams/" + team + "/channels/name/town-square", null)
        .body()).path("id").asText();
    assertThat(channel).isNotEmpty();
    return new Session(host.uri(), session.token, channel);
  }

  /** The admin's REST session: a bearer token (no cookie, so no CSRF token), JSON bodies. */
  private final class Session {
    final URI base;
    final String token;
    final String channel;

    Session(URI base, String token, String channel) {
      this.base = base;
      this.token = token;
      this.channel = channel;
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException {
      HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
          .header("Content-Type", "application/json");
      if (!token.isEmpty()) {
        request.header("Authorization", "Bearer " + token);
      }
      try {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
  }
}
