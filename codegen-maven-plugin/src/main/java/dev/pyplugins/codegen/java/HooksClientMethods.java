package dev.pyplugins.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.pyplugins.codegen.model.FieldModel;
import dev.pyplugins.codegen.model.RpcShape;
import dev.pyplugins.codegen.model.RpcSignature;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The methods of the hooks client: one override per hook that skips hooks the plugin lacks, packs the
 * parameters, calls with the hook's deadline, fails open for "Will" hooks and unpacks the result.
 */
final class HooksClientMethods {

  private final JavaProtocol protocol;
  private final ClassName grpc;
  private final NeutralResults neutral;

  HooksClientMethods(JavaProtocol protocol, ClassName grpc) {
    this.protocol = protocol;
    this.grpc = grpc;
    this.neutral = new NeutralResults(protocol.model(), protocol.fields());
  }

  /** The override of the hook's interface method. */
  MethodSpec override(JavaRpc hook) {
    MethodSpec.Builder method = hook.signatureBuilder().addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
    Set<String> taken = new HashSet<>();
    hook.parameters().forEach(p -> taken.add(p.name()));
    if (hook.bodyName() != null) {
      taken.add(hook.bodyName());
    }
    if (hook.sinkName() != null) {
      taken.add(hook.sinkName());
    }
    String request = unique("hookRequest", taken);
    String response = unique("hookResponse", taken);
    String answer = unique("answer", taken);

    method.beginControlFlow("if (!isImplemented($T.$L))", protocol.hookName(), hook.constant());
    if (hook.streams()) {
      method.addStatement("throw new $T($S)", JavaTypes.HOOK_NOT_IMPLEMENTED, hook.rpcName());
    } else {
      method.addCode(neutral.returnStatement(hook));
    }
    method.endControlFlow();
    method.addStatement("$T.Builder $L = $T.newBuilder()", hook.requestClass(), request, hook.requestClass());
    hook.parameters().forEach(p -> method.addCode(protocol.fields().write(request, p.field(), p.name())));

    CodeBlock call = call(hook, request, answer);
    if (hook.shape() == RpcShape.BIDI_BODY_STREAM) {
      guarded(method, hook, CodeBlock.builder().addStatement("$L", call).build(), CodeBlock.of(""));
      return method.build();
    }
    Optional<CodeBlock> errorOf = errorOf(hook, answer);
    CodeBlock checked = errorOf.map(e -> CodeBlock.of("orThrow(\n$L,\n$L)", call, e)).orElse(call);
    if (hook.resultKind() == RpcSignature.ResultKind.VOID) {
      guarded(method, hook, CodeBlock.builder().addStatement("$L", checked).build(), neutral.returnStatement(hook));
      return method.build();
    }
    if (HookPolicy.failsOpen(hook)) {
      method.addStatement("$T $L", hook.responseClass(), response);
      guarded(method, hook, CodeBlock.builder().addStatement("$L = $L", response, checked).build(),
          neutral.returnStatement(hook));
    } else {
      method.addStatement("$T $L = $L", hook.responseClass(), response, checked);
    }
    if (hook.resultKind() == RpcSignature.ResultKind.SINGLE) {
      method.addStatement("return $L", protocol.fields().read(response, hook.singleResult().orElseThrow()));
    } else {
      method.addStatement("return $L", response);
    }
    return method.build();
  }

  /** The hook's call through the invoker. */
  private CodeBlock call(JavaRpc hook, String request, String answer) {
    String method = hook.methodGetter();
    return switch (hook.shape()) {
      case UNARY -> CodeBlock.of("invoker.unary($T.$L(), $L.build())", grpc, method, request);
      case CLIENT_BODY_STREAM -> CodeBlock.of("invoker.clientStream($T.$L(), $L.build(),$W$L, $L)", grpc, method,
          request, hook.bodyName(), BodyFormatCode.requestFormatName(hook));
      case BIDI_BODY_STREAM -> CodeBlock.of("invoker.bidi($T.$L(), $L.build(), $L, $L,\n$L, $L,\n$L)",
          grpc, method, request, hook.bodyName(), hook.sinkName(),
          BodyFormatCode.requestFormatName(hook), BodyFormatCode.responseFormatName(hook),
          errorOf(hook, answer).orElse(CodeBlock.of("$L -> null", answer)));
    };
  }

  /** {@code answer -> answer.hasError() ? new AppErrorException(answer.getError()) : null}, when there is an error field. */
  private Optional<CodeBlock> errorOf(JavaRpc hook, String answer) {
    Optional<FieldModel> error = hook.signature().error();
    Optional<ClassName> exception = protocol.appErrorException();
    if (error.isEmpty() || exception.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(CodeBlock.of("$L -> $L.$L() ? new $T($L.$L()) : null", answer, answer,
        FieldCode.hazzer(error.get()), exception.get(), answer, FieldCode.getter(error.get())));
  }

  /** For a hook that fails open, the call inside a try that logs a failure and returns the neutral result. */
  private void guarded(MethodSpec.Builder method, JavaRpc hook, CodeBlock call, CodeBlock onFailure) {
    if (!HookPolicy.failsOpen(hook)) {
      method.addCode(call);
      return;
    }
    method.beginControlFlow("try").addCode(call);
    if (protocol.appErrorException().isPresent()) {
      method.nextControlFlow("catch ($T | $T e)", JavaTypes.HOOK_CALL_EXCEPTION, protocol.appErrorException().get());
    } else {
      method.nextControlFlow("catch ($T e)", JavaTypes.HOOK_CALL_EXCEPTION);
    }
    method.addStatement("LOG.log($T.WARNING, $S, e)", JavaTypes.LOG_LEVEL,
        "hook " + hook.rpcName() + " failed; letting it through unchanged")
        .addCode(onFailure)
        .endControlFlow();
  }

  /** {@code orThrow}: throws the error a response carries, else returns the response. */
  static MethodSpec orThrowHelper() {
    TypeVariableName r = TypeVariableName.get("R");
    return MethodSpec.methodBuilder("orThrow")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addTypeVariable(r)
        .returns(r)
        .addParameter(r, "response")
        .addParameter(ParameterizedTypeName.get(JavaTypes.FUNCTION, r,
            WildcardTypeName.subtypeOf(RuntimeException.class)), "errorOf")
        .addStatement("$T error = errorOf.apply(response)", RuntimeException.class)
        .beginControlFlow("if (error != null)")
        .addStatement("throw error")
        .endControlFlow()
        .addStatement("return response")
        .build();
  }

  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    while (!taken.add(candidate)) {
      candidate = candidate + "_";
    }
    return candidate;
  }
}
