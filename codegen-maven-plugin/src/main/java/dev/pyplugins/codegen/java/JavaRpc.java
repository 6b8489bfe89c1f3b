package dev.pyplugins.codegen.java;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.pyplugins.codegen.model.FieldModel;
import dev.pyplugins.codegen.model.MethodModel;
import dev.pyplugins.codegen.model.RpcShape;
import dev.pyplugins.codegen.model.RpcSignature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The idiomatic Java view of one RPC that the interfaces, the API server and the hooks client share:
 * request fields other than the context become parameters (lowerCamel), a body streamed in becomes an
 * {@code InputStream body}, a body streamed out a {@code BodySink<Head> sink}; one result is returned as
 * itself, several as the response message, none as {@code void}.
 */
final class JavaRpc {

  /** One parameter and the request field it fills. */
  record Param(String name, TypeName type, FieldModel field) {}

  private final RpcSignature signature;
  private final String name;
  private final String constant;
  private final String methodGetter;
  private final ClassName requestClass;
  private final ClassName responseClass;
  private final List<Param> parameters;
  private final String bodyName;
  private final String sinkName;
  private final TypeName headType;
  private final RpcSignature.ResultKind resultKind;
  private final TypeName returnType;

  JavaRpc(RpcSignature signature, JavaNames names, ProtoJavaNames protoNames, FieldCode fields) {
    this.signature = signature;
    MethodModel method = signature.method();
    this.name = names.method(method);
    this.constant = names.constant(method);
    this.methodGetter = JavaNames.grpcMethodGetter(method.name());
    this.requestClass = protoNames.messageClass(method.input());
    this.responseClass = protoNames.messageClass(method.output());
    Set<String> taken = new HashSet<>();
    List<Param> params = new ArrayList<>();
    for (FieldModel field : signature.parameters()) {
      params.add(new Param(unique(JavaNames.parameter(field.name()), taken), fields.javaType(field), field));
    }
    this.parameters = List.copyOf(params);
    this.bodyName = signature.shape() == RpcShape.UNARY ? null : unique("body", taken);
    this.headType = signature.responseHead().map(fields::javaType).orElse(null);
    this.sinkName = headType == null ? null : unique("sink", taken);
    this.resultKind = signature.shape() == RpcShape.BIDI_BODY_STREAM ? RpcSignature.ResultKind.VOID
        : signature.resultKind();
    this.returnType = switch (resultKind) {
      case VOID -> TypeName.VOID;
      case SINGLE -> fields.javaType(signature.results().get(0));
      case MESSAGE -> responseClass;
    };
  }

  RpcSignature signature() {
    return signature;
  }

  MethodModel method() {
    return signature.method();
  }

  /** The RPC name, such as {@code GetUser}. */
  String rpcName() {
    return signature.method().name();
  }

  /** The Java method name, such as {@code getUser}. */
  String name() {
    return name;
  }

  /** The RPC in upper snake case, unique in its service, for constants: {@code GET_USER}. */
  String constant() {
    return constant;
  }

  /** The static method of grpc-java's stubs that returns the RPC's descriptor: {@code getGetUserMethod}. */
  String methodGetter() {
    return methodGetter;
  }

  ClassName requestClass() {
    return requestClass;
  }

  ClassName responseClass() {
    return responseClass;
  }

  List<Param> parameters() {
    return parameters;
  }

  RpcShape shape() {
    return signature.shape();
  }

  boolean streams() {
    return signature.shape() != RpcShape.UNARY;
  }

  /** The name of the {@code InputStream} parameter of a streamed RPC. */
  String bodyName() {
    return bodyName;
  }

  /** The name of the {@code BodySink} parameter of a bidirectional RPC. */
  String sinkName() {
    return sinkName;
  }

  /** The head type of a bidirectional RPC's response, such as {@code HTTPResponseHead}. */
  Optional<TypeName> headType() {
    return Optional.ofNullable(headType);
  }

  TypeName returnType() {
    return returnType;
  }

  /**
   * What the method returns: nothing (also for bidirectional RPCs, whose head goes to the sink), one
   * field's value, or the whole response message.
   */
  RpcSignature.ResultKind resultKind() {
    return resultKind;
  }

  /** The one result field, when the method returns a single field's value. */
  Optional<FieldModel> singleResult() {
    return resultKind == RpcSignature.ResultKind.SINGLE ? Optional.of(signature.results().get(0)) : Optional.empty();
  }

  /** Public, with parameters, return type, exceptions and {@code @Deprecated}; no body, no Javadoc. */
  MethodSpec.Builder signatureBuilder() {
    MethodSpec.Builder builder = MethodSpec.methodBuilder(name).returns(returnType);
    if (signature.method().deprecated()) {
      builder.addAnnotation(AnnotationSpec.builder(Deprecated.class).build());
    }
    parameters.forEach(p -> builder.addParameter(p.type(), p.name()));
    if (bodyName != null) {
      builder.addParameter(JavaTypes.INPUT_STREAM, bodyName);
    }
    if (sinkName != null) {
      builder.addParameter(ParameterizedTypeName.get(JavaTypes.BODY_SINK, headType), sinkName);
    }
    if (streams()) {
      builder.addException(JavaTypes.IO_EXCEPTION);
    }
    return builder;
  }

  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    while (!taken.add(candidate)) {
      candidate = candidate + "_";
    }
    return candidate;
  }
}
