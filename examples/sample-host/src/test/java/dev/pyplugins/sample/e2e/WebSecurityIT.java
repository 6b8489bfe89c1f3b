package dev.pyplugins.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of the hardening issue (item 4, and the REST half of item 5) against a running host, each
 * reproduced as an attacker would send it, with what the host now answers: unauthenticated REST, CSRF with
 * a cookie session (text/plain and form posts, no CSRF token), DNS rebinding (a foreign Host) and foreign
 * Origins, an over-long post, oversized bodies (declared and chunked), and the data directory's modes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebSecurityIT {
  private TestHost host;
  private Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();
  private String channelId;

  @BeforeAll
  void start(@TempDir Path root) throws Exception {
    dataDir = Files.createDirectories(root.resolve("data"));
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x")); // as an older host left it
    host = TestHost.start(dataDir, TestHost.plugins(root, "hello", "events_probe"));
    String team = TestHost.json(host.get("/api/v4/teams/name/demo"), 200).getFieldsOrThrow("id").getStringValue();
    channelId = TestHost.json(host.get("/api/v4/teams/" + team + "/channels/name/town-square"), 200)
        .getFieldsOrThrow("id").getStringValue();
  }

  @AfterAll
  void stop() {
    host.close();
  }

  @Test
  void everyRestRouteWithoutASessionIsRefused() throws Exception {
    List<String[]> routes = List.of(new String[] {"GET", "/api/v4/users/me"}, new String[] {"GET", "/api/v4/teams"},
        new String[] {"POST", "/api/v4/posts"}, new String[] {"GET", "/api/v4/channels/" + channelId + "/posts"},
        new String[] {"POST", "/api/v4/users"}, new String[] {"POST", "/api/v4/commands/execute"},
        new String[] {"GET", "/api/v4/plugins/statuses"}, new String[] {"PUT", "/api/v4/plugins/com.example.hello/config"},
        new String[] {"POST", "/api/v4/plugins/com.example.hello/restart"}, new String[] {"DELETE", "/api/v4/plugins/x"});
    int accepted = 0;
    for (String[] route : routes) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(host.uri(route[1])).method(route[0],
          HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(route[0] + " " + route[1] + ": " + response.body()).isEqualTo(401);
      assertThat(response.body()).contains("\"id\":\"api.context.session_expired.app_error\"", "\"request_id\"",
          "\"status_code\":401");
      accepted += response.statusCode() < 400 ? 1 : 0;
    }
    System.out.printf("unauthenticated REST: %d of %d routes accepted%n", accepted, routes.size());
  }

  @Test
  void crossSiteRequestsWithTheSessionCookieAreRefused() throws Exception {
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(host.uri("/api/v4/users/login")).POST(HttpRequest
        .BodyPublishers.ofString("{\"login_id\":\"ann\",\"password\":\"" + host.host.demoLogin().userPassword() + "\"}"))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    String cookies = String.join("; ", login.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0])
        .toList());
    assertThat(cookies).contains("MMAUTHTOKEN=", "MMCSRF=", "MMUSERID=");
    String csrf = cookies.replaceAll(".*MMCSRF=([^;]*).*", "$1");
    String post = "{\"channel_id\":\"" + channelId + "\",\"message\":\"forged\"}";

    // What a page on another site can make a browser send: a "simple" POST (text/plain or a form), no headers.
    HttpResponse<String> textPlain = send("POST", "/api/v4/posts", post, "Cookie", cookies, "Content-Type",
        "text/plain");
    HttpResponse<String> form = send("POST", "/api/v4/posts", "message=forged", "Cookie", cookies, "Content-Type",
        "application/x-www-form-urlencoded");
    HttpResponse<String> jsonNoToken = send("POST", "/api/v4/posts", post, "Cookie", cookies, "Content-Type",
        "application/json");
    HttpResponse<String> withToken = send("POST", "/api/v4/posts", post, "Cookie", cookies, "Content-Type",
        "application/json", "X-CSRF-Token", csrf);

    assertThat(textPlain.statusCode()).as(textPlain.body()).isIn(401, 415);
    assertThat(form.statusCode()).as(form.body()).isIn(401, 415);
    assertThat(jsonNoToken.statusCode()).as("a cookie session without the CSRF token").isEqualTo(401);
    assertThat(jsonNoToken.body()).contains("cross-site request forgery");
    assertThat(withToken.statusCode()).as("the page itself (it reads MMCSRF): " + withToken.body()).isEqualTo(201);
    long forged = host.host.api().getPostsForChannel(channelId, 0, 200).getPostsMap().values().stream()
        .filter(p -> p.getMessage().equals("forged")).count();
    System.out.printf("CSRF: text/plain %d, form %d, JSON without token %d, the page's own %d; forged posts stored: "
        + "%d of 3%n", textPlain.statusCode(), form.statusCode(), jsonNoToken.statusCode(), withToken.statusCode(),
        forged - 1);
    assertThat(forged).as("only the page's own post").isEqualTo(1);
  }

  @Test
  void tenWrongPasswordsLockTheAccountAsMattermostDoes() throws Exception {
    assertThat(host.post("/api/v4/users", "{\"username\":\"guessme\",\"password\":\"right-password\"}")
        .statusCode()).isEqualTo(201);
    int refused = 0;
    for (int i = 0; i < 10; i++) {
      refused += login("guessme", "wrong-" + i).statusCode() == 401 ? 1 : 0;
    }
    HttpResponse<String> locked = login("guessme", "right-password");

    assertThat(refused).isEqualTo(10);
    assertThat(locked.statusCode()).isEqualTo(401);
    assertThat(locked.body()).contains("api.user.check_user_login_attempts.too_many.app_error");
    System.out.printf("password guessing: 10 wrong passwords refused, then the right one refused too (locked)%n");
  }

  private HttpResponse<String> login(String user, String password) throws Exception {
    return send("POST", "/api/v4/users/login", "{\"login_id\":\"" + user + "\",\"password\":\"" + password
        + "\"}", "Content-Type", "application/json");
  }

  @Test
  void aForeignHostNameOrOriginIsRefusedBeforeAnyRoute() throws Exception {
    int port = host.host.uri().getPort();
    String rebound = rawRequest(port, "GET /api/v4/system/ping HTTP/1.1\r\nHost: evil.example:" + port
        + "\r\nConnection: close\r\n\r\n");
    String foreignOrigin = rawRequest(port, "POST /api/v4/users/login HTTP/1.1\r\nHost: 127.0.0.1:" + port
        + "\r\nOrigin: http://evil.example\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
        + "Connection: close\r\n\r\n{}");
    String ownOrigin = rawRequest(port, "GET /api/v4/system/ping HTTP/1.1\r\nHost: localhost:" + port
        + "\r\nOrigin: http://localhost:" + port + "\r\nConnection: close\r\n\r\n");

    assertThat(rebound).startsWith("HTTP/1.1 403").contains("does not answer to the name 'evil.example");
    assertThat(foreignOrigin).startsWith("HTTP/1.1 403").contains("evil.example");
    assertThat(ownOrigin).startsWith("HTTP/1.1 200");
  }

  @Test
  void aPostPastMattermostsLimitIsRefusedOverRest() {
    String atLimit = "x".repeat(16_383);
    HttpResponse<String> ok = host.post("/api/v4/posts", "{\"channel_id\":\"" + channelId + "\",\"message\":\""
        + atLimit + "\"}");
    HttpResponse<String> tooLong = host.post("/api/v4/posts", "{\"channel_id\":\"" + channelId + "\",\"message\":\""
        + atLimit + "y\"}");

    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("16384 characters long", "limit is 16383");
  }

  @Test
  void oversizedBodiesAreRefusedWithoutBeingRead() throws Exception {
    int port = host.host.uri().getPort();
    String token = host.logInAsAdmin();
    long start = System.nanoTime();
    // 1.2 GB declared: refused from the header, before a byte of it is read.
    String declared = rawRequest(port, "POST /api/v4/posts HTTP/1.1\r\nHost: 127.0.0.1:" + port
        + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: 1200000000"
        + "\r\nConnection: close\r\n\r\n{\"message\":\"");
    long declaredMs = (System.nanoTime() - start) / 1_000_000;
    // 8 MiB chunked (no length): counted while read, refused past the 1 MiB cap.
    start = System.nanoTime();
    StringBuilder chunked = new StringBuilder("POST /api/v4/posts HTTP/1.1\r\nHost: 127.0.0.1:" + port
        + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked"
        + "\r\nConnection: close\r\n\r\n");
    String chunk = "a".repeat(65536);
    for (int i = 0; i < 128; i++) {
      chunked.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
    }
    String streamed = rawRequest(port, chunked.append("0\r\n\r\n").toString());
    long chunkedMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(declared).startsWith("HTTP/1.1 413").contains("larger than this route accepts (1048576 bytes)");
    assertThat(streamed).startsWith("HTTP/1.1 413");
    assertThat(host.get("/api/v4/system/ping").statusCode()).as("the host still answers").isEqualTo(200);
    System.out.printf("REST body caps: 1.2 GB declared refused in %d ms; 8 MiB chunked refused in %d ms; host up%n",
        declaredMs, chunkedMs);
  }

  @Test
  void oversizedPluginUploadsAreRefusedPastTheFiftyMebibyteCap() throws Exception {
    int port = host.host.uri().getPort();
    String token = host.logInAsAdmin();
    String head = "POST /api/v4/plugins HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: multipart/form-data; boundary=b0undary\r\nConnection: close\r\n";
    String partHead = "--b0undary\r\nContent-Disposition: form-data; name=\"plugin\"; filename=\"big.tar.gz\"\r\n"
        + "Content-Type: application/gzip\r\n\r\n";
    long start = System.nanoTime();
    // 1.2 GB declared: refused from the header.
    String declared = rawRequest(port, head + "Content-Length: 1200000000\r\n\r\n" + partHead);
    long declaredMs = (System.nanoTime() - start) / 1_000_000;
    // 60 MiB chunked (no length): refused by the multipart limit while read.
    start = System.nanoTime();
    StringBuilder chunked = new StringBuilder(head).append("Transfer-Encoding: chunked\r\n\r\n");
    chunked.append(Integer.toHexString(partHead.length())).append("\r\n").append(partHead).append("\r\n");
    String chunk = "z".repeat(1 << 20);
    for (int i = 0; i < 60; i++) {
      chunked.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
    }
    String streamed = rawRequest(port, chunked.append("0\r\n\r\n").toString());
    long chunkedMs = (System.nanoTime() - start) / 1_000_000;

    System.out.printf("plugin upload cap: 1.2 GB declared refused in %d ms; 60 MiB chunked refused in %d ms%n",
        declaredMs, chunkedMs);
    assertThat(declared).startsWith("HTTP/1.1 413").contains("larger than this route accepts (52428800 bytes)");
    assertThat(streamed).startsWith("HTTP/1.1 413");
    assertThat(host.get("/api/v4/system/ping").statusCode()).as("the host still answers").isEqualTo(200);
  }

  @Test
  void aPluginRouteLearnsTheCallerFromTheHostNeverFromTheClient() throws Exception {
    String admin = TestHost.json(host.get("/api/v4/users/me"), 200).getFieldsOrThrow("id").getStringValue();
    HttpResponse<String> spoofed = send("GET", "/plugins/test.events/whoami", "", "Mattermost-User-Id", admin);
    HttpResponse<String> loggedIn = host.get("/plugins/test.events/whoami");

    assertThat(spoofed.body()).as("a client's own header is dropped").contains("\"user_id\": \"\"");
    assertThat(loggedIn.body()).contains("\"user_id\": \"" + admin + "\"");
  }

  @Test
  void theDataDirectoryAndTheDatabaseFilesArePrivate() throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
    try (Stream<Path> files = Files.list(dataDir)) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      assertThat(all).anySatisfy(f -> assertThat(f.getFileName().toString()).endsWith(".mv.db"));
      for (Path file : all) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
            .isEqualTo("rw-------");
      }
    }
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(host.uri(path)).method(method,
        HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends raw bytes (headers Java's client will not send, bodies it would not stop) and reads the answer. */
  private static String rawRequest(int port, String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (java.io.IOException e) {
        // the host may answer and close before all of an oversized body is sent
      }
      InputStream in = socket.getInputStream();
      return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    }
  }
}
