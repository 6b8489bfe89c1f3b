package dev.pyplugins.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.pyplugins.codegen.model.MethodModel;
import javax.lang.model.element.Modifier;

/** Per-RPC pieces of the gRPC bindings: message classes, the descriptor constant, the method's doc. */
final class GrpcMethods {

  private final JavaProtocol protocol;
  private final JavaNames names;

  GrpcMethods(JavaProtocol protocol, JavaNames names) {
    this.protocol = protocol;
    this.names = names;
  }

  ClassName requestClass(MethodModel method) {
    return protocol.protoNames().messageClass(method.input());
  }

  ClassName responseClass(MethodModel method) {
    return protocol.protoNames().messageClass(method.output());
  }

  JavaNames names() {
    return names;
  }

  /** {@code public static final MethodDescriptor<Q, R> METHOD_X = ...}, with protobuf marshallers. */
  FieldSpec descriptorField(MethodModel method) {
    ClassName request = requestClass(method);
    ClassName response = responseClass(method);
    CodeBlock init = CodeBlock.builder()
        .add("$T.<$T, $T>newBuilder()", JavaTypes.METHOD_DESCRIPTOR, request, response).indent().indent()
        .add("\n.setType($T.$L)", JavaTypes.METHOD_TYPE, methodType(method))
        .add("\n.setFullMethodName($T.generateFullMethodName(SERVICE_NAME, $S))", JavaTypes.METHOD_DESCRIPTOR,
            method.name())
        .add("\n.setRequestMarshaller($T.marshaller($T.getDefaultInstance()))", JavaTypes.PROTO_UTILS, request)
        .add("\n.setResponseMarshaller($T.marshaller($T.getDefaultInstance()))", JavaTypes.PROTO_UTILS, response)
        .add("\n.build()").unindent().unindent()
        .build();
    return FieldSpec.builder(JavaTypes.methodDescriptor(request, response), names.descriptor(method),
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The descriptor of {@code $L}.\n", method.name())
        .initializer(init)
        .build();
  }

  /** The RPC's proto comment, or a sentence naming it. */
  void javadoc(MethodSpec.Builder builder, MethodModel method) {
    builder.addJavadoc(JavaDocs.orElse(method.doc(), "The {@code " + method.name() + "} RPC."));
    if (method.deprecated()) {
      builder.addJavadoc("\n@deprecated the protocol marks this RPC deprecated\n");
    }
  }

  private static String methodType(MethodModel method) {
    if (method.clientStreaming()) {
      return method.serverStreaming() ? "BIDI_STREAMING" : "CLIENT_STREAMING";
    }
    return method.serverStreaming() ? "SERVER_STREAMING" : "UNARY";
  }
}
