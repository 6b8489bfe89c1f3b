package dev.pyplugins.sample;

import dev.pyplugins.sample.webapp.WebAppServlet;
import jakarta.servlet.Servlet;
import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The host's HTTP front (Jetty): {@code /api/v4/*} is the REST subset, {@code /plugins/*} the runtime's
 * bridge to each plugin's ServeHTTP, and everything else the web page ({@link WebAppServlet}).
 */
public final class WebServer implements AutoCloseable {
  private final Server server;
  private final ServerConnector connector;

  private WebServer(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /**
   * Starts serving on {@code host}:{@code port} (port 0: any free port).
   *
   * @param plugins the servlet for {@code /plugins/*}, or null for none
   */
  public static WebServer start(String host, int port, Servlet rest, Servlet plugins) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder("rest", rest), "/api/v4/*");
    if (plugins != null) {
      ServletHolder bridge = new ServletHolder("plugins", plugins);
      bridge.setAsyncSupported(true); // the bridge streams both bodies
      context.addServlet(bridge, "/plugins/*");
    }
    context.addServlet(new ServletHolder("page", new WebAppServlet()), "/");
    server.setHandler(context);
    server.setStopTimeout(2_000);
    server.start();
    return new WebServer(server, connector);
  }

  /** Where it listens, such as {@code http://127.0.0.1:8065}. */
  public URI uri() {
    String host = connector.getHost() == null ? "localhost" : connector.getHost();
    return URI.create("http://" + host + ":" + connector.getLocalPort());
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
