package dev.pyplugins.codegen.python;

import dev.pyplugins.codegen.model.FieldModel;
import dev.pyplugins.codegen.model.RpcShape;
import dev.pyplugins.codegen.model.RpcSignature;
import dev.pyplugins.codegen.model.UnsupportedRpcException;
import java.util.ArrayList;
import java.util.List;

/**
 * One hook as the dispatch, HookName and test-caller templates write it; every string is finished Python.
 * Built with {@link #builder()}; {@link #of} derives it from the RPC.
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
 * @param arguments the handler's arguments, read from {@code _request}, as a tuple literal (an unset
 *     message arrives as None, as Go passes a nil pointer)
 * @param pluginContext the expression of the plugin context, or {@code None}
 * @param spec the {@code _HookSpec(...)} literal: results, error field, rejection field, kept fields
 * @param hasError the response carries an AppError field
 * @param parameters the typed parameter list (leading comma) of the test caller's method
 * @param requestArguments the keyword arguments building the request in the test caller
 * @param returnType what the test caller returns
 * @param returnExpression how the test caller reads it from {@code _response}
 * @param contextField for streams: the plugin-context field name, or empty
 * @param headParameters for streams: the head fields other than the context, as a tuple literal of names
 * @param headField for streams: the response head field
 * @param replacedField for body filters: the verdict's flag set when the handler wrote a new body, or empty
 * @param handler how a handler of the hook is called and what it returns, for the HookName member's doc
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
    String spec,
    boolean hasError,
    String parameters,
    String requestArguments,
    String returnType,
    String returnExpression,
    String contextField,
    String headParameters,
    String headField,
    String replacedField,
    String handler) {

  static final String PLUGIN_CONTEXT = "PluginContext";
  static final String HTTP_RESPONSE_HEAD = "HTTPResponseHead";

  static HookViewBuilder builder() {
    return new HookViewBuilder();
  }

  /** One view per hook, in declaration order. */
  static List<HookView> all(SdkContext sdk, PbModules.Imports imports) {
    return sdk.hookRpcs().stream().map(s -> of(s, imports)).toList();
  }

  static HookView of(RpcSignature signature, PbModules.Imports imports) {
    PythonTypes types = new PythonTypes(imports);
    var method = signature.method();
    List<String> arguments = new ArrayList<>();
    List<String> params = new ArrayList<>();
    List<String> requestArgs = new ArrayList<>();
    String pluginContext = "None";
    String contextField = "";
    List<String> headParams = new ArrayList<>();
    List<String> handlerParams = new ArrayList<>();
    for (FieldModel p : signature.parameters()) {
      handlerParams.add(PythonNames.identifier(p.name()));
      String id = PythonNames.identifier(p.name());
      requestArgs.add(id.equals(p.name()) ? p.name() + "=" + id : "**{" + PythonNames.literal(p.name()) + ": " + id + "}");
      if (p.isSingleMessageOf(PLUGIN_CONTEXT) && pluginContext.equals("None")) {
        pluginContext = "_request." + p.name();
        contextField = p.name();
        arguments.add(PythonTypes.attribute(p, "_request"));
        params.add(id + ": " + types.parameter(p));
        continue;
      }
      headParams.add(PythonNames.literal(p.name()));
      boolean mayBeAbsent = p.isMessage() && p.cardinality() == FieldModel.Cardinality.SINGULAR;
      arguments.add(mayBeAbsent
          ? "(" + PythonTypes.attribute(p, "_request") + " if _request.HasField(" + PythonNames.literal(p.name())
              + ") else None)"
          : PythonTypes.attribute(p, "_request"));
      params.add(id + ": " + types.parameter(p) + (mayBeAbsent ? " | None" : ""));
    }
    HookViewBuilder view = builder()
        .name(method.name())
        .snake(PythonNames.snakeCase(method.name()))
        .summary(method.doc().isEmpty() ? "The " + method.name() + " hook." : PythonNames.escape(method.doc().summary()))
        .doc(PythonNames.docstring(method.doc(), "Calls the " + method.name() + " hook.", "        "))
        .requestType(imports.message(method.input().fullName()))
        .responseType(imports.message(method.output().fullName()))
        .arguments(tuple(arguments))
        .pluginContext(pluginContext)
        .hasError(signature.error().isPresent())
        .parameters(params.isEmpty() ? "" : ", " + String.join(", ", params))
        .requestArguments(String.join(", ", requestArgs))
        .contextField(contextField)
        .headParameters(tuple(headParams))
        .handler(handler(signature, handlerParams, signature.responseHead()
            .map(h -> imports.model().message(h.typeName().orElseThrow()).fields()).orElse(List.of())));
    if (signature.shape() == RpcShape.CLIENT_BODY_STREAM) {
      throw new UnsupportedRpcException(method, "hooks that stream only the request body are not supported by the Python SDK");
    }
    if (signature.shape() == RpcShape.BIDI_BODY_STREAM) {
      FieldModel head = signature.responseHead().orElseThrow();
      boolean http = head.simpleTypeName().orElse("").equals(HTTP_RESPONSE_HEAD);
      var verdict = imports.model().message(head.typeName().orElseThrow());
      return view.shape(http ? HookViewBuilder.Shape.HTTP : HookViewBuilder.Shape.FILTER)
          .spec(HookSpecCode.filter(signature, verdict.fields(), types))
          .replacedField(http ? "" : HookSpecCode.replacedField(verdict.fields()))
          .headField(head.name())
          .returnType("_Exchange[" + types.element(head) + "]").returnExpression("_response").build();
    }
    view.shape(HookViewBuilder.Shape.UNARY).spec(HookSpecCode.unary(signature, types)).replacedField("").headField("");
    return switch (signature.resultKind()) {
      case VOID -> view.returnType("None").returnExpression("None").build();
      case SINGLE -> view.returnType(types.result(signature.results().get(0)))
          .returnExpression(PythonTypes.read(signature.results().get(0), "_response")).build();
      case MESSAGE -> view.returnType(imports.message(method.output().fullName())).returnExpression("_response").build();
    };
  }

  /** {@code (plugin_context, post) -> (post, rejection_reason)}: the handler's call and its results. */
  private static String handler(RpcSignature signature, List<String> params, List<FieldModel> verdict) {
    List<String> call = new ArrayList<>(params);
    List<String> results = new ArrayList<>(signature.results().stream().map(FieldModel::name).toList());
    if (signature.shape() == RpcShape.BIDI_BODY_STREAM) {
      FieldModel head = signature.responseHead().orElseThrow();
      boolean http = head.simpleTypeName().orElse("").equals(HTTP_RESPONSE_HEAD);
      if (http) {
        return "(" + String.join(", ", call.subList(0, Math.min(1, call.size()))) + ", w, r) -> None";
      }
      call.addAll(List.of("reader", "writer"));
      results = new ArrayList<>(verdict.stream().map(FieldModel::name).filter(n -> !n.equals(HookSpecCode.REPLACED)).toList());
    }
    String returns = switch (results.size()) {
      case 0 -> "None";
      case 1 -> results.get(0);
      default -> "(" + String.join(", ", results) + ")";
    };
    boolean filters = results.contains(HookSpecCode.REJECTION) || signature.results().stream()
        .anyMatch(r -> r.isRepeated() && signature.method().input().field(r.name()).isPresent());
    if (signature.error().isPresent() && signature.shape() == RpcShape.UNARY && !results.isEmpty() && !filters) {
      returns += ", optionally with an error last"; // Go's (value, error); filters refuse through their results
    }
    return "(" + String.join(", ", call) + ") -> " + returns;
  }

  private static String tuple(List<String> items) {
    return "(" + String.join(", ", items) + (items.size() == 1 ? ",)" : ")");
  }
}
