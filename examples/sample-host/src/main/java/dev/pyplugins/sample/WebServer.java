package dev.pyplugins.sample;

import dev.pyplugins.sample.security.HostGuard;
import dev.pyplugins.sample.webapp.WebAppServlet;
import jakarta.servlet.Filter;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.Servlet;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The host's HTTP front (Jetty): {@code /api/v4/*} the REST API (and {@code /api/v4/websocket}),
 * {@code /plugins/*} the runtime's bridge to each plugin's ServeHTTP, {@code /metrics} for Prometheus, and
 * everything else the web page ({@link WebAppServlet}), all behind the {@link HostGuard}.
 */
public final class WebServer implements AutoCloseable {
  private final Server server;
  private final ServerConnector connector;

  private WebServer(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /**
   * What to serve.
   *
   * @param plugins the servlet for {@code /plugins/*}, or null for none
   * @param pluginFilter a filter before it (the user header), or null
   * @param metrics the servlet for {@code /metrics}, or null
   * @param extras further mounts on the context (the WebSocket route), or null
   * @param allowedHosts names the host answers to besides localhost and its listen address
   */
  public record Mounts(Servlet rest, Servlet plugins, Filter pluginFilter, Servlet metrics,
      Consumer<ServletContextHandler> extras, List<String> allowedHosts) {
  }

  /** Only REST and the bridge (tests). */
  public static WebServer start(String host, int port, Servlet rest, Servlet plugins) throws Exception {
    return start(host, port, new Mounts(rest, plugins, null, null, null, List.of()));
  }

  /**
   * Starts serving on {@code host}:{@code port} (port 0: any free port).
   *
   * @throws HostStartupException when the port is taken
   */
  public static WebServer start(String host, int port, Mounts mounts) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    ServletHolder rest = new ServletHolder("rest", mounts.rest());
    rest.setAsyncSupported(true); // bodies are read with a ReadListener: a slow client holds no thread
    // Plugin bundles arrive as multipart uploads; parts above 1 MiB go to a temporary file, not the heap.
    rest.getRegistration().setMultipartConfig(new MultipartConfigElement(
        Files.createTempDirectory("sample-host-uploads").toString(), 50L << 20, (50L << 20) + (1 << 20), 1 << 20));
    context.addServlet(rest, "/api/v4/*");
    if (mounts.plugins() != null) {
      ServletHolder bridge = new ServletHolder("plugins", mounts.plugins());
      bridge.setAsyncSupported(true); // the bridge streams both bodies
      context.addServlet(bridge, "/plugins/*");
      if (mounts.pluginFilter() != null) {
        FilterHolder filter = new FilterHolder(mounts.pluginFilter());
        filter.setAsyncSupported(true);
        context.addFilter(filter, "/plugins/*", EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
      }
    }
    if (mounts.metrics() != null) {
      context.addServlet(new ServletHolder("metrics", mounts.metrics()), "/metrics");
    }
    if (mounts.extras() != null) {
      mounts.extras().accept(context);
    }
    context.addServlet(new ServletHolder("page", new WebAppServlet()), "/"); // the default: all other paths
    Set<String> allowed = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
    if (!host.equals("0.0.0.0") && !host.equals("::")) {
      allowed.add(host);
    }
    allowed.addAll(mounts.allowedHosts());
    server.setHandler(new HostGuard(context, allowed));
    server.setStopTimeout(2_000);
    try {
      server.start();
    } catch (IOException e) {
      server.stop();
      if (e instanceof BindException || e.getCause() instanceof BindException) {
        throw new HostStartupException("port " + port + " on " + host + " is already in use (another sample host, "
            + "or another server); stop it or pick another port with --port N");
      }
      throw e;
    }
    return new WebServer(server, connector);
  }

  /** Where it listens, such as {@code http://127.0.0.1:8065}. */
  public URI uri() {
    String host = connector.getHost() == null ? "localhost" : connector.getHost();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + connector.getLocalPort());
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("the web server did not stop cleanly", e);
    }
  }
}
