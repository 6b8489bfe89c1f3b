package dev.pyplugins.sample.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The page's files over real HTTP, from a fixture folder on the test classpath ({@code webapp-fixture}). */
class WebAppServletTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private Server server;
  private URI base;

  private void serve(String classpathRoot) throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new WebAppServlet(new WebAppFiles(getClass().getClassLoader(), classpathRoot))), "/");
    server.setHandler(context);
    server.start();
    base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theRootIsTheIndexPageRevalidatedEachTimeAndLockedToThisHost() throws Exception {
    serve("webapp-fixture");
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("fixture page");
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("ETag")).hasValueSatisfying(tag -> assertThat(tag).matches("\"[A-Za-z0-9_-]{22}\""));
  }

  @Test
  void hashedAssetsAreCachedForAYearWithTheirOwnContentType() throws Exception {
    serve("webapp-fixture");
    HttpResponse<String> script = get("/assets/app-1a2b3c.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).isEqualTo("console.log(\"fixture\");\n");
    assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=utf-8");
    assertThat(script.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    assertThat(script.headers().firstValue("Content-Security-Policy")).isEmpty();
    assertThat(script.headers().firstValue("Content-Length")).hasValue("24");
  }

  @Test
  void otherFilesAreRevalidatedAndTypedByTheirExtension() throws Exception {
    serve("webapp-fixture");
    HttpResponse<String> icon = get("/favicon.svg");
    assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/svg+xml;charset=utf-8");
    assertThat(icon.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(get("/logo.png").headers().firstValue("Content-Type")).hasValue("image/png");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/login", "/console", "/demo/channels/town-square", "/login?redirect_to=%2Fconsole"})
  void thePagesOwnRoutesGetTheIndexPage(String route) throws Exception {
    serve("webapp-fixture");
    HttpResponse<String> page = get(route);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("fixture page");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/assets/missing-123.js", "/missing.css", "/assets/", "/api/v3/users", "/plugins/x/y",
      "/.hidden.txt", "/assets/%2e%2e/index.html", "/metrics"})
  void aPathNamingNoFileIsNotFound(String path) throws Exception {
    serve("webapp-fixture");
    assertThat(get(path).statusCode()).as(path).isIn(400, 404);
  }

  @Test
  void anUnchangedFileIsAnswered304ByItsETag() throws Exception {
    serve("webapp-fixture");
    String tag = get("/assets/app-1a2b3c.js").headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = get("/assets/app-1a2b3c.js", "If-None-Match", tag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(get("/assets/app-1a2b3c.js", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
  }

  @Test
  void headSendsTheHeadersWithoutTheBody() throws Exception {
    serve("webapp-fixture");
    HttpResponse<String> head = http.send(HttpRequest.newBuilder(base.resolve("/assets/app-1a2b3c.js"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Length")).hasValue("24");
    assertThat(head.body()).isEmpty();
  }

  @Test
  void aHostBuiltWithoutThePageSaysSoInsteadOfAnEmptyPage() throws Exception {
    serve("no-such-folder");
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(503);
    assertThat(page.body()).contains("web page was not built", "-Dwebapp.skip");
  }

  @Test
  void writingIsNotAllowed() throws Exception {
    serve("webapp-fixture");
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(base.resolve("/index.html"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }
}
