package dev.pyplugins.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.pyplugins.codegen.model.FieldModel;
import dev.pyplugins.codegen.model.MessageModel;
import dev.pyplugins.codegen.model.RpcSignature;
import javax.lang.model.element.Modifier;

/**
 * The {@code RequestBodyFormat} and {@code ResponseBodyFormat} constants of a body-streaming RPC: how its
 * messages carry head, body pieces, flush and end, as method references on protoc's classes.
 */
final class BodyFormatCode {

  private BodyFormatCode() {}

  /** {@code private static final RequestBodyFormat<XRequest> X_REQUEST_BODY = ...}. */
  static FieldSpec requestFormat(JavaRpc rpc) {
    ClassName request = rpc.requestClass();
    MessageModel message = rpc.method().input();
    FieldModel chunk = field(message, RpcSignature.BODY_CHUNK);
    FieldModel complete = field(message, RpcSignature.BODY_COMPLETE);
    CodeBlock init = CodeBlock.builder()
        .add("new $T<>(", JavaTypes.REQUEST_BODY_FORMAT).indent().indent()
        .add("\n$T::$L,", request, FieldCode.getter(chunk))
        .add("\n$T::$L,", request, FieldCode.getter(complete))
        .add("\nchunk -> $T.newBuilder().$L(chunk).build(),", request, FieldCode.setter(chunk))
        .add("\n$T.newBuilder().$L(true).build())", request, FieldCode.setter(complete))
        .unindent().unindent().build();
    return FieldSpec.builder(ParameterizedTypeName.get(JavaTypes.REQUEST_BODY_FORMAT, request),
        constantPrefix(rpc) + "_REQUEST_BODY", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(init).build();
  }

  /** {@code private static final ResponseBodyFormat<XResponse, Head> X_RESPONSE_BODY = ...}. */
  static FieldSpec responseFormat(JavaRpc rpc) {
    ClassName response = rpc.responseClass();
    MessageModel message = rpc.method().output();
    FieldModel head = rpc.signature().responseHead().orElseThrow();
    FieldModel chunk = field(message, RpcSignature.BODY_CHUNK);
    FieldModel complete = field(message, RpcSignature.BODY_COMPLETE);
    TypeName headType = rpc.headType().orElseThrow();
    CodeBlock.Builder init = CodeBlock.builder()
        .add("new $T<>(", JavaTypes.RESPONSE_BODY_FORMAT).indent().indent()
        .add("\nmessage -> message.$L() ? message.$L() : null,", FieldCode.hazzer(head), FieldCode.getter(head))
        .add("\n$T::$L,", response, FieldCode.getter(chunk));
    if (rpc.signature().responseHasFlush()) {
      init.add("\n$T::$L,", response, FieldCode.getter(field(message, RpcSignature.FLUSH)));
    } else {
      init.add("\nmessage -> false,");
    }
    init.add("\n$T::$L,", response, FieldCode.getter(complete))
        .add("\nhead -> $T.newBuilder().$L(head).build(),", response, FieldCode.setter(head))
        .add("\nchunk -> $T.newBuilder().$L(chunk).build(),", response, FieldCode.setter(chunk));
    if (rpc.signature().responseHasFlush()) {
      init.add("\n$T.newBuilder().$L(true).build(),", response,
          FieldCode.setter(field(message, RpcSignature.FLUSH)));
    } else {
      init.add("\nnull,");
    }
    init.add("\n$T.newBuilder().$L(true).build())", response, FieldCode.setter(complete)).unindent().unindent();
    return FieldSpec.builder(ParameterizedTypeName.get(JavaTypes.RESPONSE_BODY_FORMAT, response, headType),
        constantPrefix(rpc) + "_RESPONSE_BODY", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(init.build()).build();
  }

  static String requestFormatName(JavaRpc rpc) {
    return constantPrefix(rpc) + "_REQUEST_BODY";
  }

  static String responseFormatName(JavaRpc rpc) {
    return constantPrefix(rpc) + "_RESPONSE_BODY";
  }

  private static String constantPrefix(JavaRpc rpc) {
    return rpc.constant();
  }

  private static FieldModel field(MessageModel message, String name) {
    return message.field(name).orElseThrow(() -> new IllegalStateException(message.fullName() + " lacks " + name));
  }
}
