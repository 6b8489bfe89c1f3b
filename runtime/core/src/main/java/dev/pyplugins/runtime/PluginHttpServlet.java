package dev.pyplugins.runtime;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.HookName;
import dev.pyplugins.protocol.v1.HooksClient;
import dev.pyplugins.runtime.internal.http.RequestHeads;
import dev.pyplugins.runtime.internal.http.ServletResponseSink;
import dev.pyplugins.runtime.support.HookCallException;
import dev.pyplugins.runtime.support.HookNotImplementedException;
import io.grpc.Status;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP bridge: mount it at {@code /plugins/*}. A request for {@code /plugins/{id}/rest} goes to plugin
 * {@code id}'s ServeHTTP with URL {@code /rest} (plus the query), both bodies streamed as they come with
 * backpressure both ways (the servlet's blocking streams against gRPC flow control; nothing is buffered
 * whole, so body size is unbounded). 404 when the plugin is unknown, not running or lacks ServeHTTP; 503
 * (with {@code Retry-After: 1}) while it starts or waits to restart. A client that goes away makes the
 * response write fail, which cancels the call, and the plugin's handler sees the cancellation. A plugin
 * error before the response started becomes its status (an AppError's, else 502, 503 when the plugin went
 * away, 504 past a ServeHTTP deadline). Thread-safe; each request blocks its container thread.
 */
public final class PluginHttpServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PluginHttpServlet.class);

  private final transient PluginEnvironment environment;

  public PluginHttpServlet(PluginEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    int slash = path.indexOf('/', 1);
    String pluginId = path.length() <= 1 ? "" : slash < 0 ? path.substring(1) : path.substring(1, slash);
    String pluginPath = slash < 0 ? "/" : path.substring(slash);
    PluginEnvironment.HttpTarget target = environment.httpTarget(pluginId);
    switch (target.kind()) {
      case NOT_FOUND -> {
        plain(response, 404, "no running plugin '" + pluginId + "'");
        return;
      }
      case RESTARTING -> {
        response.setHeader("Retry-After", "1");
        plain(response, 503, "plugin '" + pluginId + "' is starting; try again");
        return;
      }
      case RUNNING -> serve(pluginId, target.hooks(), pluginPath, request, response);
    }
  }

  private void serve(String pluginId, HooksClient hooks, String pluginPath, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    ServletResponseSink sink = new ServletResponseSink(response);
    try {
      if (!hooks.isImplemented(HookName.SERVE_HTTP)) {
        plain(response, 404, "plugin '" + pluginId + "' does not serve HTTP");
        return;
      }
      hooks.serveHTTP(RequestHeads.context(request), RequestHeads.head(request, pluginPath), request.getInputStream(),
          sink);
    } catch (HookNotImplementedException e) {
      plain(response, 404, "plugin '" + pluginId + "' does not serve HTTP");
    } catch (AppErrorException e) {
      LOG.warn("plugin {}: ServeHTTP {} answered an error: {}", pluginId, pluginPath, e.getMessage());
      failBeforeStart(response, sink, e.statusCode() == 0 ? 500 : ServletResponseSink.status(e.statusCode()), e.getMessage());
    } catch (HookCallException e) {
      LOG.warn("plugin {}: ServeHTTP {} failed: {}", pluginId, pluginPath, e.getMessage());
      failBeforeStart(response, sink, statusOf(e.status()), e.getMessage());
    } catch (IOException e) {
      // The client went away or its body broke off; the plugin's call is cancelled already.
      LOG.debug("plugin {}: ServeHTTP {} ended early: {}", pluginId, pluginPath, e.toString());
    }
  }

  private static int statusOf(Status status) {
    return switch (status.getCode()) {
      case UNAVAILABLE, CANCELLED -> 503;
      case DEADLINE_EXCEEDED -> 504;
      default -> 502;
    };
  }

  private static void failBeforeStart(HttpServletResponse response, ServletResponseSink sink, int status,
      String message) throws IOException {
    if (!sink.started() && !response.isCommitted()) {
      plain(response, status, message);
    }
  }

  private static void plain(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=utf-8");
    response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
