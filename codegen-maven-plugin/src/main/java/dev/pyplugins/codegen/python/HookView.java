package dev.pyplugins.codegen.python;

import dev.pyplugins.codegen.model.FieldModel;
import dev.pyplugins.codegen.model.RpcShape;
import dev.pyplugins.codegen.model.RpcSignature;
import java.util.ArrayList;
import java.util.List;

/**
 * One hook as the dispatch, HookName and test-caller templates write it; every string is finished Python.
 *
 * @param name the RPC name, which is the hook name ({@code MessageWillBePosted})
 * @param snake its snake_case spelling
 * @param summary the first sentence of its doc, for the HookName member comment
 * @param doc the docstring body
 * @param requestType the request class
 * @param responseType the response class
 * @param unary one request, one response
 * @param http a bidirectional HTTP exchange (ServeHTTP, ServeMetrics)
 * @param filter a bidirectional body filter whose verdict follows the output body (FileWillBeUploaded)
 * @param arguments the handler's arguments, read from {@code _request}, as a tuple literal
 * @param pluginContext the expression of the plugin context, or {@code None}
 * @param results the result specs the runtime's converter fills the response from
 * @param hasError the response carries an AppError field
 * @param parameters the typed parameter list (leading comma) of the test caller's method
 * @param requestArguments the keyword arguments building the request in the test caller
 * @param returnType what the test caller returns
 * @param returnExpression how the test caller reads it from {@code _response}
 * @param contextField for streams: the plugin-context field name, or empty
 * @param headParameters for streams: the head fields other than the context, as a tuple literal of names
 * @param headField for streams: the response head field
 * @param headType for streams: the response head class
 */
record HookView(
    String name,
    String snake,
    String summary,
    String doc,
    String requestType,
    String responseType,
    boolean unary,
    boolean http,
    boolean filter,
    String arguments,
    String pluginContext,
    String results,
    boolean hasError,
    String parameters,
    String requestArguments,
    String returnType,
    String returnExpression,
    String contextField,
    String headParameters,
    String headField,
    String headType) {

  static final String PLUGIN_CONTEXT = "PluginContext";
  static final String HTTP_RESPONSE_HEAD = "HTTPResponseHead";

  static HookView of(RpcSignature signature, PbModules.Imports imports) {
    PythonTypes types = new PythonTypes(imports);
    var method = signature.method();
    List<String> arguments = new ArrayList<>();
    List<String> params = new ArrayList<>();
    List<String> requestArgs = new ArrayList<>();
    String pluginContext = "None";
    String contextField = "";
    List<String> headParams = new ArrayList<>();
    for (FieldModel p : signature.parameters()) {
      arguments.add(PythonTypes.attribute(p, "_request"));
      String id = PythonNames.identifier(p.name());
      params.add(id + ": " + types.parameter(p));
      requestArgs.add(id.equals(p.name()) ? p.name() + "=" + id : "**{" + PythonNames.literal(p.name()) + ": " + id + "}");
      if (p.isSingleMessageOf(PLUGIN_CONTEXT) && pluginContext.equals("None")) {
        pluginContext = "_request." + p.name();
        contextField = p.name();
      } else {
        headParams.add(PythonNames.literal(p.name()));
      }
    }
    boolean http = false;
    boolean filter = false;
    String headField = "";
    String headType = "";
    String results = specs(signature.results(), types);
    String returnType;
    String returnExpression;
    if (signature.shape() == RpcShape.BIDI_BODY_STREAM) {
      FieldModel head = signature.responseHead().orElseThrow();
      headField = head.name();
      headType = types.element(head);
      http = head.simpleTypeName().orElse("").equals(HTTP_RESPONSE_HEAD);
      filter = !http;
      var headMessage = imports.model().message(head.typeName().orElseThrow());
      results = specs(headMessage.fields(), types);
      returnType = "_Exchange[" + headType + "]";
      returnExpression = "_response";
    } else if (signature.shape() == RpcShape.CLIENT_BODY_STREAM) {
      throw new dev.pyplugins.codegen.model.UnsupportedRpcException(method,
          "hooks that stream only the request body are not supported by the Python SDK");
    } else {
      switch (signature.resultKind()) {
        case VOID -> {
          returnType = "None";
          returnExpression = "None";
        }
        case SINGLE -> {
          returnType = types.result(signature.results().get(0));
          returnExpression = PythonTypes.read(signature.results().get(0), "_response");
        }
        default -> {
          returnType = imports.message(method.output().fullName());
          returnExpression = "_response";
        }
      }
    }
    return new HookView(method.name(), PythonNames.snakeCase(method.name()),
        method.doc().isEmpty() ? "The " + method.name() + " hook." : PythonNames.escape(method.doc().summary()),
        PythonNames.docstring(method.doc(), "Calls the " + method.name() + " hook.", "        "),
        imports.message(method.input().fullName()), imports.message(method.output().fullName()),
        signature.shape() == RpcShape.UNARY, http, filter,
        "(" + String.join(", ", arguments) + (arguments.size() == 1 ? ",)" : ")"), pluginContext, results,
        signature.error().isPresent(), params.isEmpty() ? "" : ", " + String.join(", ", params),
        String.join(", ", requestArgs), returnType, returnExpression, contextField,
        "(" + String.join(", ", headParams) + (headParams.size() == 1 ? ",)" : ")"), headField, headType);
  }

  /** A tuple literal of {@code _ResultField(name, kind, type)} for the runtime's result converter. */
  private static String specs(List<FieldModel> fields, PythonTypes types) {
    List<String> specs = new ArrayList<>();
    for (FieldModel f : fields) {
      String type = f.isMap() ? "dict" : f.kind() == dev.pyplugins.codegen.model.FieldKind.ENUM ? "int" : types.element(f);
      specs.add("_ResultField(" + PythonNames.literal(f.name()) + ", " + PythonNames.literal(PythonTypes.resultKind(f))
          + ", " + type + ")");
    }
    return "(" + String.join(", ", specs) + (specs.size() == 1 ? ",)" : ")");
  }
}
