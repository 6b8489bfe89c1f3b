package dev.pyplugins.sample.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.sample.WebServer;
import dev.pyplugins.sample.api.SampleHostApi;
import dev.pyplugins.sample.auth.Credentials;
import dev.pyplugins.sample.auth.Passwords;
import dev.pyplugins.sample.auth.RequestAuth;
import dev.pyplugins.sample.auth.SessionStore;
import dev.pyplugins.sample.auth.Sessions;
import dev.pyplugins.sample.db.Database;
import dev.pyplugins.sample.db.TestDatabases;
import dev.pyplugins.sample.hooks.FakePlugins;
import dev.pyplugins.sample.store.UserStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The slow-body attack on the REST API: more clients than Jetty has threads (200 by default) each send a
 * request head and then their body a byte at a time. The API must keep answering everyone else.
 */
class SlowBodyClientsTest {
  private static final int CLIENTS = 220;
  private static final String LOGIN = "{\"login_id\":\"root\",\"password\":\"secret-root\"}";
  private final Database database = TestDatabases.h2();
  private final SampleHostApi api = new SampleHostApi(database, new FakePlugins(), Clock.systemUTC());
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Socket> clients = new ArrayList<>();
  private WebServer server;

  @BeforeEach
  void start() throws Exception {
    PluginAdmin admin = new PluginAdmin() {
      @Override
      public List<PluginInfo> statuses() {
        return List.of();
      }

      @Override
      public Optional<PluginInfo> restart(String pluginId) {
        return Optional.empty();
      }
    };
    server = RestTestServer.start(api, database, admin);
  }

  @AfterEach
  void stop() throws Exception {
    for (Socket client : clients) {
      client.close();
    }
    server.close();
    database.close();
  }

  /** A login whose head is sent and whose body has only its first byte so far. */
  private Socket slowLogin() throws Exception {
    Socket socket = new Socket("127.0.0.1", server.uri().getPort());
    clients.add(socket);
    OutputStream out = socket.getOutputStream();
    out.write(("POST /api/v4/users/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + LOGIN.length() + "\r\n\r\n" + LOGIN.charAt(0)).getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  @Test
  void slowBodyClientsBeyondJettysThreadsLeaveTheApiAnswering() throws Exception {
    for (int i = 0; i < CLIENTS; i++) {
      slowLogin();
    }
    Thread.sleep(1000);
    int answered = 0;
    long slowest = 0;
    for (int i = 0; i < 6; i++) {
      long started = System.nanoTime();
      HttpResponse<String> ping = http.send(HttpRequest.newBuilder(URI.create(server.uri() + "/api/v4/system/ping"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
      if (ping.statusCode() == 200) {
        answered++;
      }
    }
    assertThat(answered).isEqualTo(6);

    // A slow client that does finish its body is served as usual.
    Socket last = clients.get(CLIENTS - 1);
    last.getOutputStream().write(LOGIN.substring(1).getBytes(StandardCharsets.US_ASCII));
    last.getOutputStream().flush();
    last.setSoTimeout(10_000);
    String status = new BufferedReader(new InputStreamReader(last.getInputStream(), StandardCharsets.US_ASCII))
        .readLine();
    assertThat(status).isEqualTo("HTTP/1.1 200 OK");
    System.out.printf("%d slow-body clients: %d of 6 pings answered, the slowest in %d ms; a slow login that"
        + " finished got %s%n", CLIENTS, answered, slowest, status);
  }
}
