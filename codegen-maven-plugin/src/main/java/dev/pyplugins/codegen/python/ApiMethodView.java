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
      params.add(id + ": " + types.parameter(p));
      if (id.equals(p.name())) {
        args.add(p.name() + "=" + id);
      } else {
        keywordArgs.add(PythonNames.literal(p.name()) + ": " + id);
      }
      recorded.add(PythonNames.literal(p.name()) + ": " + id);
    }
    if (!keywordArgs.isEmpty()) {
      args.add("**{" + String.join(", ", keywordArgs) + "}");
    }
    if (signature.shape() == RpcShape.CLIENT_BODY_STREAM) {
      params.add("body: _Body");
    } else if (signature.shape() == RpcShape.BIDI_BODY_STREAM) {
      params.add("body: _Body = b\"\"");
    }
    String requestType = imports.message(method.input().fullName());
    String responseType = imports.message(method.output().fullName());
    String returnType;
    String returnExpression;
    String zeroValue;
    String headField = "";
    if (signature.shape() == RpcShape.BIDI_BODY_STREAM) {
      FieldModel head = signature.responseHead().orElseThrow();
      headField = head.name();
      returnType = "_BodyStream[" + types.element(head) + "]";
      returnExpression = "_response";
      zeroValue = "_FakeBodyStream(" + types.element(head) + "())";
    } else {
      switch (signature.resultKind()) {
        case VOID -> {
          returnType = "None";
          returnExpression = "None";
          zeroValue = "None";
        }
        case SINGLE -> {
          FieldModel result = signature.results().get(0);
          returnType = types.result(result);
          returnExpression = PythonTypes.read(result, "_response");
          zeroValue = zeroValue(result, types);
        }
        default -> {
          returnType = responseType;
          returnExpression = "_response";
          zeroValue = responseType + "()";
        }
      }
    }
    return new ApiMethodView(PythonNames.identifier(PythonNames.snakeCase(method.name())),
        "/" + method.fullMethodName(), PythonNames.docstring(doc(method), "Calls " + method.name() + ".", "        "),
        params.isEmpty() ? "" : ", " + String.join(", ", params), requestType, String.join(", ", args),
        "{" + String.join(", ", recorded) + "}", responseType, returnType, returnExpression, zeroValue,
        signature.shape() == RpcShape.UNARY, signature.shape() == RpcShape.CLIENT_BODY_STREAM,
        signature.shape() == RpcShape.BIDI_BODY_STREAM, signature.error().isPresent(), headField);
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
}
