package dev.pyplugins.sample.webapp;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The web page, from the jar: mount it at {@code /} (the default mapping, so {@code /api/v4/*} and
 * {@code /plugins/*} keep their servlets). Files come from the classpath folder {@value #CLASSPATH_ROOT};
 * a path that names no file but looks like one of the page's own routes ({@code /login},
 * {@code /console}, {@code /demo/channels/town-square}: no dot in its last segment) gets
 * {@code index.html}, and the page routes itself.
 *
 * <p>Caching: Vite names every file under {@code /assets/} by its content's hash, so those are cached for
 * a year and marked immutable; everything else ({@code index.html} above all, which names the current
 * assets) is revalidated on each use ({@code no-cache} with a strong ETag, answered 304 when unchanged).
 * The HTML goes with a content security policy that lets the page load only from this host.
 */
public final class WebAppServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String CLASSPATH_ROOT = "webapp";
  static final String INDEX = "/index.html";
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String REVALIDATE = "no-cache";
  static final String POLICY = "default-src 'self'; img-src 'self' data:; connect-src 'self'; "
      + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
  private static final String NOT_BUILT = "The web page was not built into this host: build the sample host with "
      + "Maven (it runs npm in examples/sample-host/webapp), without -Dwebapp.skip.\n";

  private final transient WebAppFiles files;

  public WebAppServlet() {
    this(new WebAppFiles(WebAppServlet.class.getClassLoader(), CLASSPATH_ROOT));
  }

  WebAppServlet(WebAppFiles files) {
    this.files = files;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    serve(request, response, true);
  }

  @Override
  protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
    serve(request, response, false);
  }

  private void serve(HttpServletRequest request, HttpServletResponse response, boolean withBody) throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Optional<WebAppAsset> file = path.equals("/") ? Optional.empty() : files.find(path);
    if (file.isEmpty() && !isPageRoute(path)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such file: " + path);
      return;
    }
    Optional<WebAppAsset> asset = file.or(() -> files.find(INDEX));
    if (asset.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setContentType("text/plain;charset=utf-8");
      response.getWriter().write(NOT_BUILT);
      return;
    }
    send(asset.get(), file.isPresent() && path.startsWith("/assets/"), request, response, withBody);
  }

  private static void send(WebAppAsset asset, boolean immutable, HttpServletRequest request,
      HttpServletResponse response, boolean withBody) throws IOException {
    response.setHeader("Cache-Control", immutable ? IMMUTABLE : REVALIDATE);
    response.setHeader("ETag", asset.etag());
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (asset.isHtml()) {
      response.setHeader("Content-Security-Policy", POLICY);
      response.setHeader("Referrer-Policy", "same-origin");
    }
    if (asset.etag().equals(request.getHeader("If-None-Match"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType(asset.contentType());
    response.setContentLength(asset.bytes().length);
    if (withBody) {
      response.getOutputStream().write(asset.bytes());
    }
  }

  /** The page's own routes: not under the host's APIs, and with no file extension in the last segment. */
  static boolean isPageRoute(String path) {
    if (path.startsWith("/api/") || path.startsWith("/plugins/") || path.startsWith("/assets/")
        || path.equals("/metrics")) {
      return false;
    }
    String last = path.substring(path.lastIndexOf('/') + 1);
    return !last.contains(".");
  }
}
