package dev.pyplugins.runtime.testing;

import dev.pyplugins.runtime.PluginEnvironment;
import dev.pyplugins.runtime.PluginHttpServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Jetty 12 (ee10) server on a loopback port with {@link PluginHttpServlet} mounted at {@code /plugins/*}
 * (async supported, as the bridge requires) and {@code /ping}, a servlet of the host's own that answers
 * {@code pong}: what a starved container stops answering.
 */
public final class JettyHost implements AutoCloseable {
  private final Server server;

  public JettyHost(PluginEnvironment environment) throws Exception {
    this(environment, 200); // Jetty's default
  }

  /** With at most {@code maxThreads} container threads. */
  public JettyHost(PluginEnvironment environment, int maxThreads) throws Exception {
    server = new Server(new QueuedThreadPool(maxThreads, Math.min(8, maxThreads)));
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    ServletHolder bridge = new ServletHolder(new PluginHttpServlet(environment));
    bridge.setAsyncSupported(true);
    context.addServlet(bridge, "/plugins/*");
    context.addServlet(new ServletHolder(new Ping()), "/ping");
    server.setHandler(context);
    server.start();
  }

  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop Jetty", e);
    }
  }

  private static final class Ping extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.setContentType("text/plain");
      response.getWriter().write("pong");
    }
  }
}
