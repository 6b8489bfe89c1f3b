package dev.pyplugins.sample.live;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.sample.auth.Caller;
import dev.pyplugins.sample.auth.RequestAuth;
import dev.pyplugins.sample.auth.Sessions;
import dev.pyplugins.sample.rest.ServerInfo;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;

/** Mounts {@code /api/v4/websocket} on a servlet context. */
public final class WebSocketRoute {
  public static final String PATH = "/api/v4/websocket";
  /** Client messages are small (pings, typing); a bigger one closes the connection. */
  private static final long MAX_MESSAGE = 64 * 1024;

  private WebSocketRoute() {
  }

  public static void mount(ServletContextHandler context, WebSocketHub hub, Sessions sessions, RequestAuth auth,
      ServerInfo server) {
    JettyWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
      container.setMaxTextMessageSize(MAX_MESSAGE);
      container.setIdleTimeout(Duration.ofMinutes(2)); // the client pings every 30 s
      container.addMapping(PATH, (request, response) -> {
        Optional<Caller> caller;
        try {
          caller = auth.caller(request.getHttpServletRequest());
        } catch (AppErrorException e) {
          caller = Optional.empty(); // a stale cookie: the client may still authenticate by challenge
        }
        return new WebSocketEndpoint(hub, sessions, server, caller);
      });
    });
  }
}
