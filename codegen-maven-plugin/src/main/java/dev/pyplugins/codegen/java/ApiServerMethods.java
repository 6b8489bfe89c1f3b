package dev.pyplugins.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.pyplugins.codegen.model.FieldModel;
import dev.pyplugins.codegen.model.RpcShape;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The methods of the API delegate server: {@code bindService}, which binds each RPC's descriptor from
 * grpc-java's stubs to its handler; one handler per RPC that unpacks the request, calls the
 * {@code PluginApi} and packs the result; and the {@code answer} helper that runs a call in the request's
 * Context and turns its exceptions into error responses.
 */
final class ApiServerMethods {

  private final JavaProtocol protocol;
  private final Optional<ClassName> contextClass;
  private final String serviceName;

  ApiServerMethods(JavaProtocol protocol, Optional<ClassName> contextClass, String serviceName) {
    this.protocol = protocol;
    this.contextClass = contextClass;
    this.serviceName = serviceName;
  }

  /** {@code bindService()}: the service definition, every RPC's descriptor bound to its handler. */
  MethodSpec bindService(ClassName grpc, java.util.List<JavaRpc> rpcs) {
    CodeBlock.Builder chain = CodeBlock.builder()
        .add("return $T.builder($T.getServiceDescriptor())", JavaTypes.SERVER_SERVICE_DEFINITION, grpc).indent()
        .indent();
    for (JavaRpc rpc : rpcs) {
      String calls = switch (rpc.shape()) {
        case UNARY -> "asyncUnaryCall";
        case CLIENT_BODY_STREAM -> "asyncClientStreamingCall";
        case BIDI_BODY_STREAM -> "asyncBidiStreamingCall";
      };
      chain.add("\n.addMethod($T.$L(), $T.$L(this::$L))", grpc, rpc.methodGetter(), JavaTypes.SERVER_CALLS, calls,
          rpc.name());
    }
    chain.add("\n.build();\n").unindent().unindent();
    return MethodSpec.methodBuilder("bindService")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(JavaTypes.SERVER_SERVICE_DEFINITION)
        .addCode(chain.build())
        .build();
  }

  /** The handler of the RPC, which {@code bindService} binds to its descriptor. */
  MethodSpec handler(JavaRpc rpc) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(rpc.name())
        .addModifiers(Modifier.PRIVATE);
    TypeName responses = JavaTypes.streamObserver(rpc.responseClass());
    CodeBlock answer = answerCall(rpc);
    // The answer holds the call's statements, so it is written with add(): JavaPoet statements cannot nest.
    switch (rpc.shape()) {
      case UNARY -> method.addParameter(rpc.requestClass(), "request")
          .addParameter(responses, "responseObserver")
          .addCode(CodeBlock.builder().add("responseObserver.onNext(").add(answer).add(");\n").build())
          .addStatement("responseObserver.onCompleted()");
      case CLIENT_BODY_STREAM -> method.addParameter(responses, "responseObserver")
          .returns(JavaTypes.streamObserver(rpc.requestClass()))
          .addCode(CodeBlock.builder()
              .add("return $T.clientStream(responseObserver, streamExecutor, $L,\n", JavaTypes.SERVER_BODY_CALLS,
                  BodyFormatCode.requestFormatName(rpc))
              .add("    (request, body) -> $>$>").add(answer).add("$<$<);\n").build());
      case BIDI_BODY_STREAM -> method.addParameter(responses, "responseObserver")
          .returns(JavaTypes.streamObserver(rpc.requestClass()))
          .addCode(CodeBlock.builder()
              .add("return $T.bidi(responseObserver, streamExecutor, $L, $L,\n", JavaTypes.SERVER_BODY_CALLS,
                  BodyFormatCode.requestFormatName(rpc), BodyFormatCode.responseFormatName(rpc))
              .add("    (request, body, sink) -> $>$>").add(answer).add("$<$<);\n").build());
    }
    return method.build();
  }

  /** {@code answer("GetUser", request.getContext(), () -> {...}, error -> ...)}. */
  private CodeBlock answerCall(JavaRpc rpc) {
    CodeBlock.Builder call = CodeBlock.builder().add("answer($S, ", rpc.rpcName());
    if (contextClass.isPresent()) {
      call.add(rpc.signature().context().map(c -> CodeBlock.of("request.$L(), ", FieldCode.getter(c)))
          .orElse(CodeBlock.of("null, ")));
    }
    call.add("() -> {\n").indent().add(callBody(rpc)).unindent().add("}");
    if (protocol.appErrorException().isPresent()) {
      call.add(", ").add(rpc.signature().error()
          .map(e -> CodeBlock.of("error -> $T.newBuilder().$L(error).build()", rpc.responseClass(),
              FieldCode.setter(e)))
          .orElse(CodeBlock.of("null")));
    }
    return call.add(")").build();
  }

  /** Calls the API with the unpacked parameters and returns the response to send. */
  private CodeBlock callBody(JavaRpc rpc) {
    CodeBlock invocation = invocation(rpc);
    CodeBlock.Builder body = CodeBlock.builder();
    switch (rpc.resultKind()) {
      case VOID -> {
        body.addStatement("$L", invocation);
        if (rpc.shape() == RpcShape.BIDI_BODY_STREAM) {
          body.addStatement("return null");
        } else {
          body.addStatement("return $T.getDefaultInstance()", rpc.responseClass());
        }
      }
      case SINGLE -> {
        FieldModel result = rpc.singleResult().orElseThrow();
        body.addStatement("$T result = $L", rpc.returnType(), invocation)
            .addStatement("$T.Builder response = $T.newBuilder()", rpc.responseClass(), rpc.responseClass())
            .add(protocol.fields().write("response", result, "result"))
            .addStatement("return response.build()");
      }
      case MESSAGE -> body.addStatement("$T result = $L", rpc.responseClass(), invocation)
          .addStatement("return result != null ? result : $T.getDefaultInstance()", rpc.responseClass());
    }
    return body.build();
  }

  private CodeBlock invocation(JavaRpc rpc) {
    CodeBlock.Builder args = CodeBlock.builder();
    String separator = "";
    for (JavaRpc.Param p : rpc.parameters()) {
      args.add(separator).add(protocol.fields().read("request", p.field()));
      separator = ",$W";
    }
    if (rpc.bodyName() != null) {
      args.add(separator).add("body");
      separator = ",$W";
    }
    if (rpc.sinkName() != null) {
      args.add(separator).add("sink");
    }
    return CodeBlock.of("api.$L($L)", rpc.name(), args.build());
  }

  /**
   * {@code answer}: runs the call with the request's context in the gRPC Context, answers an
   * AppErrorException with its error and any other exception with a generic internal error, logged here.
   */
  MethodSpec answerHelper() {
    TypeVariableName r = TypeVariableName.get("R");
    MethodSpec.Builder helper = MethodSpec.methodBuilder("answer")
        .addModifiers(Modifier.PRIVATE)
        .addTypeVariable(r)
        .returns(r)
        .addParameter(String.class, "method");
    contextClass.ifPresent(c -> helper.addParameter(c, "context"));
    helper.addParameter(ParameterizedTypeName.get(JavaTypes.CALLABLE, r), "call");
    Optional<ClassName> appErrorException = protocol.appErrorException();
    appErrorException.ifPresent(e -> helper.addParameter(ParameterizedTypeName.get(JavaTypes.FUNCTION,
        protocol.protoNames().messageClass(protocol.appError().orElseThrow()), r), "errorResponse"));
    helper.beginControlFlow("try");
    if (contextClass.isPresent()) {
      helper.addStatement("return context == null ? call.call() : $T.current().withValue(REQUEST_CONTEXT, context)"
          + ".call(call)", JavaTypes.CONTEXT);
    } else {
      helper.addStatement("return call.call()");
    }
    if (appErrorException.isPresent()) {
      helper.nextControlFlow("catch ($T e)", appErrorException.get())
          .beginControlFlow("if (errorResponse == null)")
          .addStatement("throw $T.UNKNOWN.withDescription(e.getMessage()).asRuntimeException()", JavaTypes.STATUS)
          .endControlFlow()
          .addStatement("return errorResponse.apply(e.appError())");
    }
    helper.nextControlFlow("catch ($T e)", Exception.class)
        .beginControlFlow("if (e instanceof $T)", InterruptedException.class)
        .addStatement("$T.currentThread().interrupt()", Thread.class)
        .endControlFlow()
        .beginControlFlow("if ($T.current().isCancelled())", JavaTypes.CONTEXT)
        .addStatement("LOG.log($T.DEBUG, () -> $S + method + $S, e)", JavaTypes.LOG_LEVEL, serviceName + ".",
            " ended after its caller cancelled it")
        .nextControlFlow("else")
        .addStatement("LOG.log($T.ERROR, () -> $S + method + $S, e)", JavaTypes.LOG_LEVEL, serviceName + ".",
            " failed")
        .endControlFlow();
    if (appErrorException.isPresent()) {
      helper.addStatement("$T internal = $T.internal(method)", appErrorException.get(), appErrorException.get())
          .beginControlFlow("if (errorResponse == null)")
          .addStatement("throw $T.INTERNAL.withDescription(internal.getMessage()).asRuntimeException()",
              JavaTypes.STATUS)
          .endControlFlow()
          .addStatement("return errorResponse.apply(internal.appError())");
    } else {
      helper.addStatement("throw $T.INTERNAL.withDescription($S).asRuntimeException()", JavaTypes.STATUS,
          "internal error");
    }
    return helper.endControlFlow().build();
  }
}
