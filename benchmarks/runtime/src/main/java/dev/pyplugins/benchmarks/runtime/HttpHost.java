package dev.pyplugins.benchmarks.runtime;

import dev.pyplugins.runtime.PluginEnvironment;
import dev.pyplugins.runtime.PluginHttpServlet;
import java.net.InetSocketAddress;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A Jetty 12 (ee10) server on a loopback port, as a host would run it: {@link PluginHttpServlet} at
 * {@code /plugins/*} and, for context, {@link DirectServlet} at {@code /direct/*}.
 */
final class HttpHost implements AutoCloseable {
  private final Server server;

  HttpHost(PluginEnvironment plugins) throws Exception {
    server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    ServletHolder bridge = new ServletHolder(new PluginHttpServlet(plugins));
    bridge.setAsyncSupported(true); // the bridge is asynchronous
    context.addServlet(bridge, "/plugins/*");
    context.addServlet(new ServletHolder(new DirectServlet()), "/direct/*");
    server.setHandler(context);
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + path;
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
