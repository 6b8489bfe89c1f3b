package dev.pyplugins.runtime;

import dev.pyplugins.protocol.v1.HookName;
import dev.pyplugins.protocol.v1.ServeHTTPRequest;
import dev.pyplugins.runtime.internal.http.HttpExchange;
import dev.pyplugins.runtime.internal.http.RequestHeads;
import dev.pyplugins.runtime.support.HookCallException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP bridge: mount it at {@code /plugins/*} with async support on (Jetty:
 * {@code ServletHolder.setAsyncSupported(true)}). A request for {@code /plugins/{id}/rest} goes to plugin
 * {@code id}'s ServeHTTP with URL {@code /rest} (plus the query), both bodies streamed as they come with
 * backpressure both ways, through Servlet async and non-blocking I/O: a request that waits for the plugin
 * or for a slow client holds no container thread, and nothing is buffered whole. 404 when the plugin is
 * unknown, not running or lacks ServeHTTP; 503 (with {@code Retry-After: 1}) while it starts or waits to
 * restart, and at once when it already serves {@link RuntimeOptions#httpConcurrencyLimit()} requests. A
 * client that goes away cancels the call, and the plugin's handler sees the cancellation. A plugin error
 * before the response started becomes its status (an AppError's, else 502, 503 when the plugin went away,
 * 504 past a ServeHTTP deadline). Thread-safe.
 */
public final class PluginHttpServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PluginHttpServlet.class);

  private final transient PluginEnvironment environment;
  /** Requests in progress per plugin id, across restarts of the plugin. */
  private final transient Map<String, Semaphore> inProgress = new ConcurrentHashMap<>();

  public PluginHttpServlet(PluginEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    int slash = path.indexOf('/', 1);
    String pluginId = path.length() <= 1 ? "" : slash < 0 ? path.substring(1) : path.substring(1, slash);
    String pluginPath = slash < 0 ? "/" : path.substring(slash);
    HttpTarget target = environment.httpTarget(pluginId);
    switch (target.kind()) {
      case NOT_FOUND -> plain(response, 404, "no running plugin '" + pluginId + "'");
      case RESTARTING -> {
        response.setHeader("Retry-After", "1");
        plain(response, 503, "plugin '" + pluginId + "' is starting; try again");
      }
      case RUNNING -> admit(pluginId, target, pluginPath, request, response);
    }
  }

  private void admit(String pluginId, HttpTarget target, String pluginPath,
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!servesHttp(pluginId, target, response)) {
      return;
    }
    int limit = environment.options().httpConcurrencyLimit();
    Semaphore permits = inProgress.computeIfAbsent(pluginId, id -> new Semaphore(limit));
    if (!permits.tryAcquire()) {
      response.setHeader("Retry-After", "1");
      plain(response, 503, "plugin '" + pluginId + "' is busy: it serves " + limit
          + " requests already (httpConcurrencyLimit " + limit + "); try again");
      return;
    }
    if (!request.isAsyncSupported()) {
      permits.release();
      LOG.error("PluginHttpServlet is mounted without async support; turn it on for its servlet and the filters"
          + " before it (Jetty: ServletHolder.setAsyncSupported(true))");
      plain(response, 500, "the plugin bridge is mounted without async support; see the host's log");
      return;
    }
    AsyncContext async = request.startAsync();
    async.setTimeout(0); // the ServeHTTP deadline (RuntimeOptions.hookTimeouts) bounds it, if one is set
    ServeHTTPRequest head = ServeHTTPRequest.newBuilder().setPluginContext(RequestHeads.context(request))
        .setRequest(RequestHeads.head(request, pluginPath)).build();
    try {
      HttpExchange.start(async, target.channel(), target.callOptions(), head,
          "plugin " + pluginId + ": ServeHTTP " + pluginPath, permits::release);
    } catch (IOException | RuntimeException e) {
      permits.release();
      LOG.warn("plugin {}: ServeHTTP {} could not start: {}", pluginId, pluginPath, e.toString());
      async.complete();
    }
  }

  private static boolean servesHttp(String pluginId, HttpTarget target,
      HttpServletResponse response) throws IOException {
    try {
      if (target.hooks().isImplemented(HookName.SERVE_HTTP)) {
        return true;
      }
      plain(response, 404, "plugin '" + pluginId + "' does not serve HTTP");
    } catch (HookCallException e) {
      LOG.warn("plugin {}: cannot ask which hooks it implements: {}", pluginId, e.getMessage());
      plain(response, 503, "plugin '" + pluginId + "' cannot be reached; try again");
    }
    return false;
  }

  private static void plain(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=utf-8");
    response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
