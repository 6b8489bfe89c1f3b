package dev.pyplugins.codegen.python;

import dev.pyplugins.codegen.model.Doc;
import dev.pyplugins.codegen.model.FieldModel;
import dev.pyplugins.codegen.model.MethodModel;
import dev.pyplugins.codegen.model.RpcShape;
import dev.pyplugins.codegen.model.RpcSignature;
import java.util.ArrayList;
import java.util.List;

/**
 * One Plugin API method as the client templates write it; every string is finished Python.
 *
 * @param name the snake_case method name
 * @param path the gRPC method path
 * @param doc the docstring body
 * @param parameters the parameter list after {@code self} (with the leading comma), body included
 * @param requestType the request class
 * @param requestArguments the keyword arguments that build the request, context first
 * @param recordedArguments a dict literal of the call's arguments, as the fake API records them
 * @param responseType the response class
 * @param returnType the annotation of what the method returns
 * @param returnExpression what the method returns, reading {@code _response}
 * @param zeroValue what the fake API returns when nothing was stubbed
 * @param unary one request, one response
 * @param clientStream the request body streams
 * @param bidiStream both bodies stream
 * @param hasError the response carries an AppError field
 * @param headField for a bidirectional stream, the response head field
 */
record ApiMethodView(
    String name,
    String path,
    String doc,
    String parameters,
    String requestType,
    String requestArguments,
    String recordedArguments,
    String responseType,
    String returnType,
    String returnExpression,
    String zeroValue,
    boolean unary,
    boolean clientStream,
    boolean bidiStream,
    boolean hasError,
    String headField) {

  static Builder builder() {
    return new Builder();
  }

  static ApiMethodView of(RpcSignature signature, PbModules.Imports imports, String contextArguments) {
    PythonTypes types = new PythonTypes(imports);
    var method = signature.method();
    List<String> params = new ArrayList<>();
    List<String> args = new ArrayList<>();
    List<String> keywordArgs = new ArrayList<>();
    List<String> recorded = new ArrayList<>();
    signature.context().ifPresent(c -> args.add(c.name() + "=" + contextArguments));
    for (FieldModel p : signature.parameters()) {
      String id = PythonNames.identifier(p.name());
      String type = types.parameter(p);
      String value = id;
      if (ApiConveniences.acceptsNone(signature, p)) {
        type += " | None";
        value = "(" + id + " or b\"\")";
      }
      if (ApiConveniences.acceptsId(p)) {
        type += " | str";
        value = "_by_id(" + types.element(p) + ", " + id + ")";
      }
      if (ApiConveniences.takesKeywordPairs(signature, p)) {
        params.add(id + ": " + type + " = (), **" + ApiConveniences.PAIRS + ": object");
        value = "_key_value_pairs(" + id + ", " + ApiConveniences.PAIRS + ")";
      } else {
        params.add(id + ": " + type + ApiConveniences.defaultValue(signature, p).map(d -> " = " + d).orElse(""));
      }
      if (id.equals(p.name())) {
        args.add(p.name() + "=" + value);
      } else {
        keywordArgs.add(PythonNames.literal(p.name()) + ": " + value);
      }
      recorded.add(PythonNames.literal(p.name()) + ": " + value);
    }
    if (!keywordArgs.isEmpty()) {
      args.add("**{" + String.join(", ", keywordArgs) + "}");
    }
    if (signature.shape() == RpcShape.CLIENT_BODY_STREAM) {
      params.add("body: _Body");
    } else if (signature.shape() == RpcShape.BIDI_BODY_STREAM) {
      params.add("body: _Body = b\"\"");
    }
    String responseType = imports.message(method.output().fullName());
    Builder view = builder()
        .name(PythonNames.identifier(PythonNames.snakeCase(method.name())))
        .path("/" + method.fullMethodName())
        .doc(PythonNames.docstring(doc(method), "Calls " + method.name() + ".", "        "))
        .parameters(params.isEmpty() ? "" : ", " + String.join(", ", params))
        .requestType(imports.message(method.input().fullName()))
        .requestArguments(String.join(", ", args))
        .recordedArguments("{" + String.join(", ", recorded) + "}")
        .responseType(responseType)
        .shape(signature.shape())
        .hasError(signature.error().isPresent())
        .headField("");
    if (signature.shape() == RpcShape.BIDI_BODY_STREAM) {
      FieldModel head = signature.responseHead().orElseThrow();
      return view.headField(head.name()).returnType("_BodyStream[" + types.element(head) + "]")
          .returnExpression("_response").zeroValue("_FakeBodyStream(" + types.element(head) + "())").build();
    }
    return switch (signature.resultKind()) {
      case VOID -> view.returnType("None").returnExpression("None").zeroValue("None").build();
      case SINGLE -> {
        FieldModel result = signature.results().get(0);
        if (ApiConveniences.emptyMeansAbsent(signature)) {
          yield view.returnType(types.result(result) + " | None")
              .returnExpression("(" + PythonTypes.read(result, "_response") + " or None)").zeroValue("None").build();
        }
        yield view.returnType(types.result(result)).returnExpression(PythonTypes.read(result, "_response"))
            .zeroValue(zeroValue(result, types)).build();
      }
      case MESSAGE -> view.returnType(responseType).returnExpression("_response").zeroValue(responseType + "()").build();
    };
  }

  /** The RPC's doc, with a deprecation note when the protocol marks it deprecated. */
  private static Doc doc(MethodModel method) {
    if (!method.deprecated()) {
      return method.doc();
    }
    List<String> lines = new ArrayList<>(method.doc().isEmpty() ? List.of("Calls " + method.name() + ".")
        : method.doc().lines());
    lines.add("");
    lines.add("Deprecated: the protocol marks this call deprecated.");
    return new Doc(lines);
  }

  private static String zeroValue(FieldModel field, PythonTypes types) {
    return switch (field.cardinality()) {
      case REPEATED -> "[]";
      case MAP -> "{}";
      case OPTIONAL -> "None";
      case SINGULAR -> switch (field.kind()) {
        case DOUBLE, FLOAT -> "0.0";
        case BOOL -> "False";
        case STRING -> "\"\"";
        case BYTES -> "b\"\"";
        case MESSAGE -> types.element(field) + "()";
        default -> "0";
      };
    };
  }

  /** Builds an {@link ApiMethodView}; every value must be set. */
  static final class Builder {
    private String name;
    private String path;
    private String doc;
    private String parameters;
    private String requestType;
    private String requestArguments;
    private String recordedArguments;
    private String responseType;
    private String returnType;
    private String returnExpression;
    private String zeroValue;
    private RpcShape shape;
    private Boolean hasError;
    private String headField;

    Builder name(String v) {
      name = v;
      return this;
    }

    Builder path(String v) {
      path = v;
      return this;
    }

    Builder doc(String v) {
      doc = v;
      return this;
    }

    Builder parameters(String v) {
      parameters = v;
      return this;
    }

    Builder requestType(String v) {
      requestType = v;
      return this;
    }

    Builder requestArguments(String v) {
      requestArguments = v;
      return this;
    }

    Builder recordedArguments(String v) {
      recordedArguments = v;
      return this;
    }

    Builder responseType(String v) {
      responseType = v;
      return this;
    }

    Builder returnType(String v) {
      returnType = v;
      return this;
    }

    Builder returnExpression(String v) {
      returnExpression = v;
      return this;
    }

    Builder zeroValue(String v) {
      zeroValue = v;
      return this;
    }

    Builder shape(RpcShape v) {
      shape = v;
      return this;
    }

    Builder hasError(boolean v) {
      hasError = v;
      return this;
    }

    Builder headField(String v) {
      headField = v;
      return this;
    }

    ApiMethodView build() {
      return new ApiMethodView(required(name, "name"), required(path, "path"), required(doc, "doc"),
          required(parameters, "parameters"), required(requestType, "requestType"),
          required(requestArguments, "requestArguments"), required(recordedArguments, "recordedArguments"),
          required(responseType, "responseType"), required(returnType, "returnType"),
          required(returnExpression, "returnExpression"), required(zeroValue, "zeroValue"),
          required(shape, "shape") == RpcShape.UNARY, shape == RpcShape.CLIENT_BODY_STREAM,
          shape == RpcShape.BIDI_BODY_STREAM, required(hasError, "hasError"), required(headField, "headField"));
    }

    private static <T> T required(T value, String what) {
      return java.util.Objects.requireNonNull(value, () -> "ApiMethodView." + what + " was not set");
    }
  }
}
