package dev.pyplugins.sample.rest;

import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.Value;
import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.sample.db.ProtoJson;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/** A REST call as a route sees it: the path's parameters, the query, the JSON body. */
public final class RestRequest {
  private final HttpServletRequest request;
  private final Matcher path;

  RestRequest(HttpServletRequest request, Matcher path) {
    this.request = request;
    this.path = path;
  }

  /** The path parameter {@code name} (a named group of the route's pattern). */
  public String path(String name) {
    return path.group(name);
  }

  /** A query parameter as an int, {@code fallback} when absent; a 400 when it is not a number. */
  public int queryInt(String name, int fallback) {
    String value = request.getParameter(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw AppErrorException.badRequest("api.context.invalid_url_param.app_error", "Query parameter " + name
          + " must be a number, was '" + value + "'.");
    }
  }

  /** The body as JSON of a message, merged into {@code builder}; a 400 when it is not. */
  public <B extends Message.Builder> B body(B builder) throws IOException {
    String json = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return json.isBlank() ? builder : parse(json, builder);
  }

  /** The body as a JSON array of messages, each parsed into a new builder from {@code builders}. */
  public <B extends Message.Builder> List<B> bodyList(Supplier<B> builders) throws IOException {
    List<B> items = new ArrayList<>();
    for (Value item : body(ListValue.newBuilder()).getValuesList()) {
      items.add(parse(ProtoJson.write(item), builders.get()));
    }
    return items;
  }

  private static <B extends Message.Builder> B parse(String json, B builder) {
    try {
      return ProtoJson.merge(json, builder);
    } catch (IllegalArgumentException e) {
      throw AppErrorException.badRequest("api.context.invalid_body_param.app_error", e.getMessage());
    }
  }
}
