package dev.pyplugins.sample.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.Value;
import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.sample.auth.Caller;
import dev.pyplugins.sample.db.ProtoJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/** A REST call as a route sees it: the caller, the path's parameters, the query, the JSON body. */
public final class RestRequest {
  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final Matcher path;
  private final Optional<Caller> caller;
  private final long bodyLimit;
  private String body;

  RestRequest(HttpServletRequest request, HttpServletResponse response, Matcher path, Optional<Caller> caller,
      long bodyLimit) {
    this.request = request;
    this.response = response;
    this.path = path;
    this.caller = caller;
    this.bodyLimit = bodyLimit;
  }

  /** The logged-in caller (every route but the open ones has one). */
  public Caller caller() {
    return caller.orElseThrow(() -> AppErrorException.of(401, "api.context.session_expired.app_error",
        "Invalid or expired session, please login again."));
  }

  public Optional<Caller> optionalCaller() {
    return caller;
  }

  /** The path parameter {@code name} (a named group of the route's pattern). */
  public String path(String name) {
    return path.group(name);
  }

  /** A path parameter naming a user, where {@code me} is the caller (Mattermost's convention). */
  public String user(String name) {
    String id = path(name);
    return id.equals("me") ? caller().userId() : id;
  }

  /** A query parameter, {@code fallback} when absent or empty. */
  public String query(String name, String fallback) {
    String value = request.getParameter(name);
    return value == null || value.isEmpty() ? fallback : value;
  }

  /** A query parameter as an int, {@code fallback} when absent; a 400 when it is not a number. */
  public int queryInt(String name, int fallback) {
    String value = query(name, null);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw AppErrorException.badRequest("api.context.invalid_url_param.app_error", "Query parameter " + name
          + " must be a number, was '" + value + "'.");
    }
  }

  /** A query parameter as a long (a time in ms), {@code fallback} when absent. */
  public long queryLong(String name, long fallback) {
    String value = query(name, null);
    try {
      return value == null ? fallback : Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw AppErrorException.badRequest("api.context.invalid_url_param.app_error", "Query parameter " + name
          + " must be a number, was '" + value + "'.");
    }
  }

  /** The body as JSON of a message, merged into {@code builder}; a 400 when it is not. */
  public <B extends Message.Builder> B body(B builder) throws IOException {
    String json = text();
    return json.isBlank() ? builder : parse(json, builder);
  }

  /** The body as a JSON tree (an empty object for no body); a 400 when it is not JSON. */
  public JsonNode json() throws IOException {
    String json = text();
    if (json.isBlank()) {
      return MattermostJson.MAPPER.createObjectNode();
    }
    try {
      return MattermostJson.MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw AppErrorException.badRequest("api.context.invalid_body_param.app_error", "The body is not valid JSON: "
          + e.getOriginalMessage());
    }
  }

  /** The body as a JSON array of strings (ids, names). */
  public List<String> stringList() throws IOException {
    List<String> items = new ArrayList<>();
    for (Value item : body(ListValue.newBuilder()).getValuesList()) {
      if (!item.hasStringValue()) {
        throw AppErrorException.badRequest("api.context.invalid_body_param.app_error",
            "The body must be a JSON array of strings.");
      }
      items.add(item.getStringValue());
    }
    return items;
  }

  /** The body as a JSON array of messages, each parsed into a new builder from {@code builders}. */
  public <B extends Message.Builder> List<B> bodyList(Supplier<B> builders) throws IOException {
    List<B> items = new ArrayList<>();
    for (Value item : body(ListValue.newBuilder()).getValuesList()) {
      items.add(parse(ProtoJson.write(item), builders.get()));
    }
    return items;
  }

  public HttpServletRequest servletRequest() {
    return request;
  }

  public HttpServletResponse servletResponse() {
    return response;
  }

  private String text() throws IOException {
    if (body == null) {
      body = new String(BodyRules.read(request.getInputStream(), bodyLimit), StandardCharsets.UTF_8);
    }
    return body;
  }

  private static <B extends Message.Builder> B parse(String json, B builder) {
    try {
      return ProtoJson.merge(json, builder);
    } catch (IllegalArgumentException e) {
      throw AppErrorException.badRequest("api.context.invalid_body_param.app_error", e.getMessage());
    }
  }
}
