package dev.pyplugins.codegen.java;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.pyplugins.codegen.GeneratedFile;
import dev.pyplugins.codegen.GenerationContext;
import dev.pyplugins.codegen.Generator;
import dev.pyplugins.codegen.model.MethodModel;
import dev.pyplugins.codegen.model.ServiceModel;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code <Service>Grpc} for every service of the generated files: the service name, one method descriptor
 * per RPC (protobuf marshallers), a service base class whose methods answer UNIMPLEMENTED until overridden,
 * and client stubs (see {@link GrpcStubs}). Our own generator, in the shape grpc-java users know, so no
 * native protoc plugin is needed.
 */
public final class GrpcBindingsGenerator implements Generator {

  @Override
  public String name() {
    return "java-grpc-bindings";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    JavaProtocol protocol = JavaProtocol.of(context);
    return context.model().services().stream().map(service -> file(protocol, service)).toList();
  }

  private static GeneratedFile file(JavaProtocol protocol, ServiceModel service) {
    ClassName grpc = protocol.grpcClass(service);
    JavaNames names = JavaNames.of(service);
    GrpcMethods methods = new GrpcMethods(protocol, names);
    TypeSpec.Builder type = TypeSpec.classBuilder(grpc)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("gRPC bindings of the service {@code $L}: its method descriptors, a base class\n"
            + "to implement it, and client stubs.\n", service.fullName());
    if (!service.doc().isEmpty()) {
      type.addJavadoc("\n<p>").addJavadoc(JavaDocs.of(service.doc()));
    }
    Deprecations.suppressIfNeeded(type, protocol.model(), service);
    type.addField(FieldSpec.builder(String.class, "SERVICE_NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The full name of the service.\n")
        .initializer("$S", service.fullName())
        .build());
    service.methods().forEach(m -> type.addField(methods.descriptorField(m)));
    type.addField(serviceDescriptorField(service, names));
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(MethodSpec.methodBuilder("getServiceDescriptor")
        .addJavadoc("The service and all its methods, as servers and reflection need them.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(JavaTypes.SERVICE_DESCRIPTOR)
        .addStatement("return SERVICE_DESCRIPTOR")
        .build());
    GrpcStubs stubs = new GrpcStubs(grpc, service, methods);
    stubs.factories().forEach(type::addMethod);
    type.addType(implBase(grpc, service, names, methods));
    stubs.classes().forEach(type::addType);
    return JavaSourceFile.of(protocol, grpc, type, service.file().path());
  }

  private static FieldSpec serviceDescriptorField(ServiceModel service, JavaNames names) {
    CodeBlock.Builder init = CodeBlock.builder().add("$T.newBuilder(SERVICE_NAME)", JavaTypes.SERVICE_DESCRIPTOR);
    init.indent().indent();
    for (MethodModel method : service.methods()) {
      init.add("\n.addMethod($L)", names.descriptor(method));
    }
    init.add("\n.build()").unindent().unindent();
    return FieldSpec.builder(JavaTypes.SERVICE_DESCRIPTOR, "SERVICE_DESCRIPTOR", Modifier.PRIVATE, Modifier.STATIC,
        Modifier.FINAL).initializer(init.build()).build();
  }

  private static TypeSpec implBase(ClassName grpc, ServiceModel service, JavaNames names, GrpcMethods methods) {
    TypeSpec.Builder base = TypeSpec.classBuilder(service.name() + "ImplBase")
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT, Modifier.STATIC)
        .addSuperinterface(JavaTypes.BINDABLE_SERVICE)
        .addJavadoc("The base class of {@code $L} implementations: override the methods you serve; the others "
            + "answer UNIMPLEMENTED.\n", service.fullName());
    CodeBlock.Builder bind = CodeBlock.builder()
        .add("return $T.builder(getServiceDescriptor())", JavaTypes.SERVER_SERVICE_DEFINITION).indent();
    for (MethodModel method : service.methods()) {
      base.addMethod(implBaseMethod(method, names, methods));
      bind.add("\n.addMethod($L, $T.$L(this::$L))", names.descriptor(method), JavaTypes.SERVER_CALLS,
          serverCallsFactory(method), names.method(method));
    }
    bind.add("\n.build();\n").unindent();
    base.addMethod(MethodSpec.methodBuilder("bindService")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .returns(JavaTypes.SERVER_SERVICE_DEFINITION)
        .addCode(bind.build())
        .build());
    return base.build();
  }

  private static MethodSpec implBaseMethod(MethodModel method, JavaNames names, GrpcMethods methods) {
    TypeName request = methods.requestClass(method);
    TypeName responses = JavaTypes.streamObserver(methods.responseClass(method));
    MethodSpec.Builder builder = MethodSpec.methodBuilder(names.method(method)).addModifiers(Modifier.PUBLIC);
    methods.javadoc(builder, method);
    if (method.deprecated()) {
      builder.addAnnotation(AnnotationSpec.builder(Deprecated.class).build());
    }
    if (method.clientStreaming()) {
      return builder.addParameter(responses, "responseObserver")
          .returns(JavaTypes.streamObserver(request))
          .addStatement("return $T.asyncUnimplementedStreamingCall($L, responseObserver)", JavaTypes.SERVER_CALLS,
              names.descriptor(method))
          .build();
    }
    return builder.addParameter(request, "request")
        .addParameter(responses, "responseObserver")
        .addStatement("$T.asyncUnimplementedUnaryCall($L, responseObserver)", JavaTypes.SERVER_CALLS,
            names.descriptor(method))
        .build();
  }

  private static String serverCallsFactory(MethodModel method) {
    if (method.clientStreaming()) {
      return method.serverStreaming() ? "asyncBidiStreamingCall" : "asyncClientStreamingCall";
    }
    return method.serverStreaming() ? "asyncServerStreamingCall" : "asyncUnaryCall";
  }
}
