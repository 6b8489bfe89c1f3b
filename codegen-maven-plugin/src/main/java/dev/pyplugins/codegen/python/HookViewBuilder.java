package dev.pyplugins.codegen.python;

import java.util.Objects;

/** Builds a {@link HookView}; every value must be set, so a forgotten one fails the build, not the template. */
final class HookViewBuilder {

  /** How the hook's RPC carries its call. */
  enum Shape { UNARY, HTTP, FILTER }

  private String name;
  private String snake;
  private String summary;
  private String doc;
  private String requestType;
  private String responseType;
  private Shape shape;
  private String arguments;
  private String pluginContext;
  private String spec;
  private Boolean hasError;
  private String parameters;
  private String requestArguments;
  private String returnType;
  private String returnExpression;
  private String contextField;
  private String headParameters;
  private String headField;
  private String replacedField;
  private String handler;

  HookViewBuilder name(String v) {
    name = v;
    return this;
  }

  HookViewBuilder snake(String v) {
    snake = v;
    return this;
  }

  HookViewBuilder summary(String v) {
    summary = v;
    return this;
  }

  HookViewBuilder doc(String v) {
    doc = v;
    return this;
  }

  HookViewBuilder requestType(String v) {
    requestType = v;
    return this;
  }

  HookViewBuilder responseType(String v) {
    responseType = v;
    return this;
  }

  HookViewBuilder shape(Shape v) {
    shape = v;
    return this;
  }

  HookViewBuilder arguments(String v) {
    arguments = v;
    return this;
  }

  HookViewBuilder pluginContext(String v) {
    pluginContext = v;
    return this;
  }

  HookViewBuilder spec(String v) {
    spec = v;
    return this;
  }

  HookViewBuilder hasError(boolean v) {
    hasError = v;
    return this;
  }

  HookViewBuilder parameters(String v) {
    parameters = v;
    return this;
  }

  HookViewBuilder requestArguments(String v) {
    requestArguments = v;
    return this;
  }

  HookViewBuilder returnType(String v) {
    returnType = v;
    return this;
  }

  HookViewBuilder returnExpression(String v) {
    returnExpression = v;
    return this;
  }

  HookViewBuilder contextField(String v) {
    contextField = v;
    return this;
  }

  HookViewBuilder headParameters(String v) {
    headParameters = v;
    return this;
  }

  HookViewBuilder headField(String v) {
    headField = v;
    return this;
  }

  HookViewBuilder replacedField(String v) {
    replacedField = v;
    return this;
  }

  HookViewBuilder handler(String v) {
    handler = v;
    return this;
  }

  HookView build() {
    Shape s = required(shape, "shape");
    return new HookView(required(name, "name"), required(snake, "snake"), required(summary, "summary"),
        required(doc, "doc"), required(requestType, "requestType"), required(responseType, "responseType"),
        s == Shape.UNARY, s == Shape.HTTP, s == Shape.FILTER, required(arguments, "arguments"),
        required(pluginContext, "pluginContext"), required(spec, "spec"), required(hasError, "hasError"),
        required(parameters, "parameters"), required(requestArguments, "requestArguments"),
        required(returnType, "returnType"), required(returnExpression, "returnExpression"),
        required(contextField, "contextField"), required(headParameters, "headParameters"),
        required(headField, "headField"), required(replacedField, "replacedField"), required(handler, "handler"));
  }

  private static <T> T required(T value, String what) {
    return Objects.requireNonNull(value, () -> "HookView." + what + " was not set");
  }
}
