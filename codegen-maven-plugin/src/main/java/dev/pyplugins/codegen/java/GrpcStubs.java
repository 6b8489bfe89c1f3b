package dev.pyplugins.codegen.java;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.pyplugins.codegen.model.MethodModel;
import dev.pyplugins.codegen.model.ServiceModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import javax.lang.model.element.Modifier;

/**
 * The client stubs of the gRPC bindings: an async stub for every RPC, a blocking stub for the RPCs that
 * send one request (unary and server-streaming), a future stub for unary RPCs. A stub kind with no RPC is
 * left out.
 */
final class GrpcStubs {

  private enum Kind {
    ASYNC("Stub", "newStub", "async", JavaTypes.ABSTRACT_ASYNC_STUB, m -> true,
        "Calls {@code $L} asynchronously: answers arrive on the observers given."),
    BLOCKING("BlockingStub", "newBlockingStub", "blocking", JavaTypes.ABSTRACT_BLOCKING_STUB,
        m -> !m.clientStreaming(), "Calls the RPCs of {@code $L} that send one request, blocking the calling thread."),
    FUTURE("FutureStub", "newFutureStub", "future", JavaTypes.ABSTRACT_FUTURE_STUB,
        m -> !m.clientStreaming() && !m.serverStreaming(), "Calls the unary RPCs of {@code $L}, answering with futures.");

    final String suffix;
    final String factory;
    final String adjective;
    final ClassName base;
    final Predicate<MethodModel> serves;
    final String doc;

    Kind(String suffix, String factory, String adjective, ClassName base, Predicate<MethodModel> serves, String doc) {
      this.suffix = suffix;
      this.factory = factory;
      this.adjective = adjective;
      this.base = base;
      this.serves = serves;
      this.doc = doc;
    }
  }

  private final ClassName grpc;
  private final ServiceModel service;
  private final GrpcMethods methods;

  GrpcStubs(ClassName grpc, ServiceModel service, GrpcMethods methods) {
    this.grpc = grpc;
    this.service = service;
    this.methods = methods;
  }

  /** {@code newStub(Channel)} and friends. */
  List<MethodSpec> factories() {
    List<MethodSpec> factories = new ArrayList<>();
    for (Kind kind : kinds()) {
      ClassName stub = stubClass(kind);
      factories.add(MethodSpec.methodBuilder(kind.factory)
          .addJavadoc("A new $L stub on the channel.\n", kind.adjective)
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .addParameter(JavaTypes.CHANNEL, "channel")
          .returns(stub)
          .addStatement("return $T.newStub($T::new, channel)", kind.base, stub)
          .build());
    }
    return factories;
  }

  /** The stub classes. */
  List<TypeSpec> classes() {
    return kinds().stream().map(this::stub).toList();
  }

  private List<Kind> kinds() {
    return Arrays.stream(Kind.values())
        .filter(kind -> service.methods().stream().anyMatch(kind.serves)).toList();
  }

  private ClassName stubClass(Kind kind) {
    return grpc.nestedClass(service.name() + kind.suffix);
  }

  private TypeSpec stub(Kind kind) {
    ClassName stub = stubClass(kind);
    TypeSpec.Builder type = TypeSpec.classBuilder(stub)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(kind.base, stub))
        .addJavadoc(kind.doc + "\n", service.fullName())
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(JavaTypes.CHANNEL, "channel")
            .addParameter(JavaTypes.CALL_OPTIONS, "callOptions")
            .addStatement("super(channel, callOptions)")
            .build())
        .addMethod(MethodSpec.methodBuilder("build")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PROTECTED)
            .addParameter(JavaTypes.CHANNEL, "channel")
            .addParameter(JavaTypes.CALL_OPTIONS, "callOptions")
            .returns(stub)
            .addStatement("return new $T(channel, callOptions)", stub)
            .build());
    service.methods().stream().filter(kind.serves).forEach(m -> type.addMethod(call(kind, m)));
    return type.build();
  }

  private MethodSpec call(Kind kind, MethodModel method) {
    TypeName request = methods.requestClass(method);
    TypeName response = methods.responseClass(method);
    String descriptor = methods.names().descriptor(method);
    MethodSpec.Builder builder = MethodSpec.methodBuilder(methods.names().method(method)).addModifiers(Modifier.PUBLIC);
    methods.javadoc(builder, method);
    if (method.deprecated()) {
      builder.addAnnotation(AnnotationSpec.builder(Deprecated.class).build());
    }
    switch (kind) {
      case ASYNC -> {
        if (method.clientStreaming()) {
          builder.addParameter(JavaTypes.streamObserver(response), "responseObserver")
              .returns(JavaTypes.streamObserver(request))
              .addStatement("return $T.$L(getChannel().newCall($L, getCallOptions()), responseObserver)",
                  JavaTypes.CLIENT_CALLS, method.serverStreaming() ? "asyncBidiStreamingCall"
                      : "asyncClientStreamingCall", descriptor);
        } else {
          builder.addParameter(request, "request")
              .addParameter(JavaTypes.streamObserver(response), "responseObserver")
              .addStatement("$T.$L(getChannel().newCall($L, getCallOptions()), request, responseObserver)",
                  JavaTypes.CLIENT_CALLS, method.serverStreaming() ? "asyncServerStreamingCall" : "asyncUnaryCall",
                  descriptor);
        }
      }
      case BLOCKING -> builder.addParameter(request, "request")
          .returns(method.serverStreaming() ? ParameterizedTypeName.get(JavaTypes.ITERATOR, response) : response)
          .addStatement("return $T.$L(getChannel(), $L, getCallOptions(), request)", JavaTypes.CLIENT_CALLS,
              method.serverStreaming() ? "blockingServerStreamingCall" : "blockingUnaryCall", descriptor);
      case FUTURE -> builder.addParameter(request, "request")
          .returns(ParameterizedTypeName.get(JavaTypes.LISTENABLE_FUTURE, response))
          .addStatement("return $T.futureUnaryCall(getChannel().newCall($L, getCallOptions()), request)",
              JavaTypes.CLIENT_CALLS, descriptor);
    }
    return builder.build();
  }
}
