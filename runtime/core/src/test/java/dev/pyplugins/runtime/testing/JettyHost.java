package dev.pyplugins.runtime.testing;

import dev.pyplugins.runtime.PluginEnvironment;
import dev.pyplugins.runtime.PluginHttpServlet;
import java.net.InetSocketAddress;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A Jetty 12 (ee10) server on a loopback port with {@link PluginHttpServlet} mounted at {@code /plugins/*}. */
public final class JettyHost implements AutoCloseable {
  private final Server server;

  public JettyHost(PluginEnvironment environment) throws Exception {
    server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(new PluginHttpServlet(environment)), "/plugins/*");
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
}
