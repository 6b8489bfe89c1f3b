package dev.pyplugins.sample.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.MessageOrBuilder;
import dev.pyplugins.protocol.v1.AppError;
import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.sample.auth.Caller;
import dev.pyplugins.sample.auth.RequestAuth;
import dev.pyplugins.sample.db.Ids;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a table of routes (method, path pattern, who may call, handler) under {@code /api/v4} and speaks
 * Mattermost's JSON. Before a handler runs: the caller is found (every route but the {@link Access#OPEN} ones
 * needs a session or token, an {@link Access#ADMIN} one a system administrator), a cookie session passes the
 * CSRF check, and a write's body must be JSON (or what the route accepts) within the route's size cap. A
 * handler returns a message, a list, a Jackson tree, or null (then {@code {"status":"OK"}}). An
 * {@link AppErrorException} becomes Mattermost's error body {@code {id, message, detailed_error, request_id,
 * status_code}}; anything else is logged and becomes a 500 that names no internals. Every answer carries
 * {@code X-Request-ID} and {@code X-Version-Id}.
 */
public final class RestServlet extends HttpServlet {
  private static final Logger LOG = LoggerFactory.getLogger(RestServlet.class);
  /** The JSON body cap of ordinary routes: far above a post at Mattermost's limits, far below harm. */
  public static final long JSON_BODY_LIMIT = 1 << 20;

  /** A non-JSON answer (a picture). */
  public record Raw(String contentType, byte[] body) {
  }

  /** Who may call a route. */
  public enum Access { OPEN, USER, ADMIN }

  /** Handles one call; returns a message, a {@code List}, a {@link JsonNode}, or null. */
  @FunctionalInterface
  public interface Handler {
    Object handle(RestRequest request) throws IOException;
  }

  /**
   * @param contentType the media type a write's body must have ({@code application/json}, or
   *     {@code multipart/form-data} for uploads)
   * @param bodyLimit the largest body accepted, in bytes
   */
  private record Route(String method, Pattern path, int status, Access access, String contentType, long bodyLimit,
      Handler handler) {
  }

  private final List<Route> routes = new ArrayList<>();
  private final RequestAuth auth;
  private final ServerInfo server;

  public RestServlet(RequestAuth auth, ServerInfo server) {
    this.auth = auth;
    this.server = server;
  }

  /** A route any logged-in user may call, answering 200; {@code path} is a regex with named groups. */
  public RestServlet route(String method, String path, Handler handler) {
    return add(method, path, 200, Access.USER, handler);
  }

  /** A route any logged-in user may call, answering {@code status} when it succeeds (201 for creations). */
  public RestServlet route(String method, String path, int status, Handler handler) {
    return add(method, path, status, Access.USER, handler);
  }

  public RestServlet open(String method, String path, Handler handler) {
    return add(method, path, 200, Access.OPEN, handler);
  }

  public RestServlet admin(String method, String path, Handler handler) {
    return add(method, path, 200, Access.ADMIN, handler);
  }

  /** An administrator's upload route: a multipart body of at most {@code limit} bytes. */
  public RestServlet adminUpload(String method, String path, int status, long limit, Handler handler) {
    routes.add(new Route(method, Pattern.compile(path), status, Access.ADMIN, "multipart/form-data", limit, handler));
    return this;
  }

  public RestServlet add(String method, String path, int status, Access access, Handler handler) {
    routes.add(new Route(method, Pattern.compile(path), status, access, "application/json", JSON_BODY_LIMIT,
        handler));
    return this;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String requestId = Ids.newId();
    response.setHeader("X-Request-ID", requestId);
    response.setHeader("X-Version-Id", server.versionId());
    String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
    boolean pathKnown = false;
    for (Route route : routes) {
      Matcher matcher = route.path().matcher(path);
      if (!matcher.matches()) {
        continue;
      }
      pathKnown = true;
      if (route.method().equals(request.getMethod())) {
        answer(route, matcher, request, response, requestId);
        return;
      }
    }
    int status = pathKnown ? 405 : 404;
    writeError(response, requestId, AppError.newBuilder().setStatusCode(status).setId("api.context.404.app_error")
        .setMessage(pathKnown ? request.getMethod() + " is not allowed on " + path
            : "No such API: " + request.getMethod() + " " + path).build());
  }

  private void answer(Route route, Matcher matcher, HttpServletRequest request, HttpServletResponse response,
      String requestId) throws IOException {
    Optional<Caller> caller;
    try {
      caller = route.access() == Access.OPEN ? optionalCaller(request) : Optional.of(auth.require(request));
      if (route.access() == Access.ADMIN && !caller.orElseThrow().isSystemAdmin()) {
        throw AppErrorException.forbidden("api.context.permissions.app_error",
            "You do not have the appropriate permissions (system administrators only).");
      }
      BodyRules.check(request, route.contentType(), route.bodyLimit());
    } catch (AppErrorException e) {
      writeError(response, requestId, e);
      return;
    }
    if (BodyRules.hasBody(request) && !route.contentType().startsWith("multipart/") && request.isAsyncSupported()) {
      // Multipart uploads (administrators only, checked above) are parsed by the container as they stream.
      BodyPrefetch.read(request, route.bodyLimit(), withBody -> run(route, matcher, withBody, response, requestId,
          caller), status -> writeError(response, requestId, status == 413 ? BodyRules.tooLarge(route.bodyLimit())
          : AppErrorException.of(408, "api.context.request_timeout.app_error", "The request body did not arrive"
              + " within " + BodyPrefetch.BODY_TIMEOUT_MS / 1000 + " s.")));
      return;
    }
    run(route, matcher, request, response, requestId, caller);
  }

  private void run(Route route, Matcher matcher, HttpServletRequest request, HttpServletResponse response,
      String requestId, Optional<Caller> caller) throws IOException {
    Object result;
    try {
      result = route.handler().handle(new RestRequest(request, response, matcher, caller, route.bodyLimit()));
    } catch (AppErrorException e) {
      writeError(response, requestId, e);
      return;
    } catch (RuntimeException e) {
      LOG.error("REST {} {} failed (request {})", request.getMethod(), request.getPathInfo(), requestId, e);
      writeError(response, requestId, AppError.newBuilder().setStatusCode(500)
          .setId("api.context.internal_error.app_error")
          .setMessage("The server failed on this request; its log has the details under request id "
              + requestId + ".").build());
      return;
    }
    if (result instanceof Raw raw) {
      response.setStatus(route.status());
      response.setContentType(raw.contentType());
      response.setHeader("Cache-Control", "max-age=300");
      response.getOutputStream().write(raw.body());
      return;
    }
    write(response, route.status(), json(result));
  }

  private Optional<Caller> optionalCaller(HttpServletRequest request) {
    try {
      return auth.caller(request);
    } catch (AppErrorException e) {
      return Optional.empty(); // an open route works without a session, even with a stale one
    }
  }

  private static String json(Object result) {
    if (result == null) {
      return "{\"status\":\"OK\"}";
    }
    if (result instanceof JsonNode node) {
      return MattermostJson.write(node);
    }
    if (result instanceof MessageOrBuilder message) {
      return MattermostJson.write(message);
    }
    if (result instanceof List<?> list) {
      StringBuilder array = new StringBuilder("[");
      for (Object item : list) {
        array.append(array.length() > 1 ? "," : "").append(item instanceof JsonNode node ? MattermostJson.write(node)
            : MattermostJson.write((MessageOrBuilder) item));
      }
      return array.append(']').toString();
    }
    throw new IllegalStateException("a route returned " + result.getClass().getName());
  }

  private static void writeError(HttpServletResponse response, String requestId, AppErrorException e)
      throws IOException {
    int status = e.statusCode() >= 400 && e.statusCode() <= 599 ? e.statusCode() : 500;
    writeError(response, requestId, e.appError().toBuilder().setStatusCode(status).build());
  }

  /** Mattermost's error body. */
  static void writeError(HttpServletResponse response, String requestId, AppError error) throws IOException {
    ObjectNode body = MattermostJson.MAPPER.createObjectNode();
    body.put("id", error.getId());
    body.put("message", error.getMessage());
    body.put("detailed_error", error.getDetailedError());
    body.put("request_id", requestId);
    body.put("status_code", error.getStatusCode());
    write(response, error.getStatusCode(), MattermostJson.write(body));
  }

  private static void write(HttpServletResponse response, int status, String json) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json"); // exactly this: @mattermost/client compares it as a string
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
