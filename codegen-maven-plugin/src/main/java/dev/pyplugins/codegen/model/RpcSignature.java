package dev.pyplugins.codegen.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The idiomatic view of one RPC that every generator shares (see docs/proto-conventions.md): which request
 * fields are the caller context, which are parameters, which response field is the error and which are
 * results, and how the body streams.
 *
 * @param method the RPC
 * @param shape unary or one of the body-streaming shapes
 * @param context the request's {@code RequestContext context} field, filled by generated clients and
 *     never a parameter
 * @param parameters request fields other than the context and the body fields, in field order
 * @param error the response's {@code AppError error} field, if it has one
 * @param results response fields other than the error and the body fields, in field order
 */
public record RpcSignature(
    MethodModel method,
    RpcShape shape,
    Optional<FieldModel> context,
    List<FieldModel> parameters,
    Optional<FieldModel> error,
    List<FieldModel> results) {

  /** Name of the request field that carries the caller context. */
  public static final String CONTEXT_FIELD = "context";
  /** Simple name of the caller context message. */
  public static final String CONTEXT_TYPE = "RequestContext";
  /** Name of the response field that carries a business error. */
  public static final String ERROR_FIELD = "error";
  /** Simple name of the business error message. */
  public static final String ERROR_TYPE = "AppError";
  /** A piece of a streamed body. */
  public static final String BODY_CHUNK = "body_chunk";
  /** Marks the end of a streamed body. */
  public static final String BODY_COMPLETE = "body_complete";
  /** Asks the receiver to flush what it has so far. */
  public static final String FLUSH = "flush";

  private static final Set<String> BODY_FIELDS = Set.of(BODY_CHUNK, BODY_COMPLETE, FLUSH);

  public RpcSignature {
    parameters = List.copyOf(parameters);
    results = List.copyOf(results);
  }

  /** How a generated method returns the results. */
  public enum ResultKind {
    /** No result fields: the method returns nothing. */
    VOID,
    /** One result field: the method returns its value. */
    SINGLE,
    /** Several result fields: the method returns the response message. */
    MESSAGE
  }

  /**
   * Derives the signature of an RPC.
   *
   * @throws UnsupportedRpcException when the RPC streams but does not follow the body convention
   */
  public static RpcSignature of(MethodModel method) {
    RpcShape shape = shapeOf(method);
    MessageModel request = method.input();
    MessageModel response = method.output();
    Optional<FieldModel> context = request.field(CONTEXT_FIELD).filter(f -> f.isSingleMessageOf(CONTEXT_TYPE));
    Optional<FieldModel> error = response.field(ERROR_FIELD).filter(f -> f.isSingleMessageOf(ERROR_TYPE));
    boolean requestStreams = shape != RpcShape.UNARY;
    boolean responseStreams = shape == RpcShape.BIDI_BODY_STREAM;
    List<FieldModel> parameters = request.fields().stream()
        .filter(f -> context.map(c -> c != f).orElse(true))
        .filter(f -> !(requestStreams && BODY_FIELDS.contains(f.name())))
        .toList();
    List<FieldModel> results = response.fields().stream()
        .filter(f -> error.map(e -> e != f).orElse(true))
        .filter(f -> !(responseStreams && BODY_FIELDS.contains(f.name())))
        .toList();
    if (responseStreams && (results.size() != 1 || !results.get(0).isMessage()
        || results.get(0).cardinality() != FieldModel.Cardinality.SINGULAR)) {
      throw new UnsupportedRpcException(method, "a streamed response must have exactly one message-typed head "
          + "field besides error, body_chunk, body_complete and flush; found " + names(results));
    }
    return new RpcSignature(method, shape, context, parameters, error, results);
  }

  private static RpcShape shapeOf(MethodModel method) {
    if (!method.clientStreaming() && !method.serverStreaming()) {
      return RpcShape.UNARY;
    }
    if (method.serverStreaming() && !method.clientStreaming()) {
      throw new UnsupportedRpcException(method, "server-only streaming is not supported; stream a body both "
          + "ways (bidirectional) or answer once");
    }
    requireBodyFields(method, method.input(), false);
    if (!method.serverStreaming()) {
      return RpcShape.CLIENT_BODY_STREAM;
    }
    requireBodyFields(method, method.output(), true);
    return RpcShape.BIDI_BODY_STREAM;
  }

  private static void requireBodyFields(MethodModel method, MessageModel message, boolean response) {
    boolean chunk = message.field(BODY_CHUNK).filter(f -> f.kind() == FieldKind.BYTES
        && f.cardinality() == FieldModel.Cardinality.SINGULAR).isPresent();
    boolean complete = message.field(BODY_COMPLETE).filter(f -> f.kind() == FieldKind.BOOL
        && f.cardinality() == FieldModel.Cardinality.SINGULAR).isPresent();
    if (!chunk || !complete) {
      throw new UnsupportedRpcException(method, (response ? "response " : "request ") + message.name()
          + " streams, so it needs `bytes body_chunk` and `bool body_complete` fields");
    }
  }

  private static List<String> names(List<FieldModel> fields) {
    return fields.stream().map(FieldModel::name).toList();
  }

  public ResultKind resultKind() {
    return switch (results.size()) {
      case 0 -> ResultKind.VOID;
      case 1 -> ResultKind.SINGLE;
      default -> ResultKind.MESSAGE;
    };
  }

  /** For a bidirectional body stream, the response's head field (such as {@code HTTPResponseHead response}). */
  public Optional<FieldModel> responseHead() {
    return shape == RpcShape.BIDI_BODY_STREAM ? Optional.of(results.get(0)) : Optional.empty();
  }

  /** True when the response message has a {@code bool flush} field the receiver must honour. */
  public boolean responseHasFlush() {
    return method.output().field(FLUSH).filter(f -> f.kind() == FieldKind.BOOL).isPresent();
  }
}
