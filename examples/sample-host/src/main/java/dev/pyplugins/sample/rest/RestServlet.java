package dev.pyplugins.sample.rest;

import com.google.protobuf.MessageOrBuilder;
import dev.pyplugins.protocol.v1.AppError;
import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.sample.db.ProtoJson;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a table of routes (method, path pattern, handler) under its mount point and speaks JSON: a handler
 * returns a message, a list of messages or nothing (then {@code {"status":"OK"}}); an {@link AppErrorException}
 * becomes its status code with the AppError as JSON; anything else is logged and becomes a 500.
 */
public final class RestServlet extends HttpServlet {
  private static final Logger LOG = LoggerFactory.getLogger(RestServlet.class);

  /** Handles one call; returns a message, a {@code List} of messages, or null. */
  @FunctionalInterface
  public interface Handler {
    Object handle(RestRequest request) throws IOException;
  }

  private record Route(String method, Pattern path, int status, Handler handler) {
  }

  private final List<Route> routes = new ArrayList<>();

  /** Adds a route answering 200; {@code path} is a regex with named groups, such as {@code /posts/(?<id>\w+)}. */
  public RestServlet route(String method, String path, Handler handler) {
    return route(method, path, 200, handler);
  }

  /** Adds a route answering {@code status} when it succeeds (201 for creations). */
  public RestServlet route(String method, String path, int status, Handler handler) {
    routes.add(new Route(method, Pattern.compile(path), status, handler));
    return this;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
    boolean pathKnown = false;
    for (Route route : routes) {
      Matcher matcher = route.path().matcher(path);
      if (!matcher.matches()) {
        continue;
      }
      pathKnown = true;
      if (route.method().equals(request.getMethod())) {
        answer(route, new RestRequest(request, matcher), response);
        return;
      }
    }
    int status = pathKnown ? 405 : 404;
    write(response, status, ProtoJson.write(AppError.newBuilder().setStatusCode(status)
        .setId("api.context.404.app_error").setMessage(pathKnown ? request.getMethod() + " is not allowed on "
            + path : "No such API: " + request.getMethod() + " " + path).build()));
  }

  private void answer(Route route, RestRequest request, HttpServletResponse response) throws IOException {
    Object result;
    try {
      result = route.handler().handle(request);
    } catch (AppErrorException e) {
      int status = e.statusCode() >= 400 && e.statusCode() <= 599 ? e.statusCode() : 500;
      write(response, status, ProtoJson.write(e.appError().toBuilder().setStatusCode(status)));
      return;
    } catch (RuntimeException e) {
      LOG.error("REST {} failed", route.path(), e);
      write(response, 500, ProtoJson.write(AppErrorException.internal(route.path().pattern()).appError()));
      return;
    }
    write(response, route.status(), json(result));
  }

  private static String json(Object result) {
    if (result == null) {
      return "{\"status\":\"OK\"}";
    }
    if (result instanceof MessageOrBuilder message) {
      return ProtoJson.write(message);
    }
    if (result instanceof List<?> list) {
      return list.stream().map(item -> ProtoJson.write((MessageOrBuilder) item))
          .collect(Collectors.joining(",", "[", "]"));
    }
    throw new IllegalStateException("a route returned " + result.getClass().getName());
  }

  private static void write(HttpServletResponse response, int status, String json) throws IOException {
    byte[] body = (json + "\n").getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
