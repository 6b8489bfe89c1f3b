package dev.pyplugins.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.pyplugins.codegen.GeneratedFile;
import dev.pyplugins.codegen.GenerationContext;
import dev.pyplugins.codegen.Generator;
import dev.pyplugins.codegen.model.RpcShape;
import dev.pyplugins.codegen.model.ServiceModel;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * {@code PluginApiServer}: the gRPC service that serves the API by delegating every call to the host's
 * {@code PluginApi} (see {@link ApiServerMethods}). It also gives implementations the authenticated caller
 * and the request's context while a call runs.
 */
public final class PluginApiServerGenerator implements Generator {

  @Override
  public String name() {
    return "java-plugin-api-server";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    JavaProtocol protocol = JavaProtocol.of(context);
    return protocol.api().map(api -> List.of(file(protocol, api))).orElse(List.of());
  }

  private static GeneratedFile file(JavaProtocol protocol, ServiceModel api) {
    ClassName server = protocol.apiServer();
    ClassName apiInterface = protocol.apiInterface();
    List<JavaRpc> rpcs = protocol.rpcs(api);
    Optional<ClassName> contextClass = contextClass(protocol, rpcs);
    boolean streams = rpcs.stream().anyMatch(JavaRpc::streams);
    ApiServerMethods methods = new ApiServerMethods(protocol, contextClass, api.name());

    TypeSpec.Builder type = TypeSpec.classBuilder(server)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(JavaTypes.BINDABLE_SERVICE)
        .addJavadoc("Serves {@code $L} over gRPC by delegating every call to a {@link $T}:\n"
            + "it unpacks the request into the method's parameters and packs the result into the response.\n",
            api.fullName(), apiInterface);
    protocol.appErrorException().ifPresent(e -> type.addJavadoc("An {@link $T} is answered with its error; any "
        + "other exception with an\ninternal error (500) whose details are logged here, never sent.\n", e));
    type.addJavadoc("\n<p>Streamed calls run on the stream executor, their bodies under gRPC flow control.\n"
        + "Thread-safe when the {@code $T} is; holds no resources of its own.\n", apiInterface);
    Deprecations.suppressIfNeeded(type, protocol.model(), api);

    type.addField(FieldSpec.builder(JavaTypes.SYSTEM_LOGGER, "LOG", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.getLogger($T.class.getName())", System.class, server).build());
    contextClass.ifPresent(c -> type.addField(FieldSpec.builder(ParameterizedTypeName.get(
            JavaTypes.CONTEXT.nestedClass("Key"), c), "REQUEST_CONTEXT", Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .initializer("$T.key($S)", JavaTypes.CONTEXT, "pyplugins-request-context").build()));
    for (JavaRpc rpc : rpcs) {
      if (rpc.streams()) {
        type.addField(BodyFormatCode.requestFormat(rpc));
      }
      if (rpc.shape() == RpcShape.BIDI_BODY_STREAM) {
        type.addField(BodyFormatCode.responseFormat(rpc));
      }
    }
    type.addField(apiInterface, "api", Modifier.PRIVATE, Modifier.FINAL);
    if (streams) {
      type.addField(JavaTypes.EXECUTOR, "streamExecutor", Modifier.PRIVATE, Modifier.FINAL);
    }
    constructors(type, apiInterface, streams);
    accessors(type, contextClass);
    type.addMethod(methods.bindService(protocol.grpcClass(api), rpcs));
    rpcs.forEach(rpc -> type.addMethod(methods.handler(rpc)));
    type.addMethod(methods.answerHelper());
    return JavaSourceFile.of(protocol, server, type, api.file().path());
  }

  private static void constructors(TypeSpec.Builder type, ClassName apiInterface, boolean streams) {
    if (!streams) {
      type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
          .addJavadoc("Serves {@code api}.\n")
          .addParameter(apiInterface, "api")
          .addStatement("this.api = $T.requireNonNull(api, $S)", JavaTypes.OBJECTS, "api")
          .build());
      return;
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("Serves {@code api}; streamed calls run on the shared {@link $T}.\n",
            JavaTypes.BODY_STREAM_EXECUTOR)
        .addParameter(apiInterface, "api")
        .addStatement("this(api, $T.shared())", JavaTypes.BODY_STREAM_EXECUTOR)
        .build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("Serves {@code api}; each streamed call holds a thread of {@code streamExecutor} while it runs.\n")
        .addParameter(apiInterface, "api")
        .addParameter(JavaTypes.EXECUTOR, "streamExecutor")
        .addStatement("this.api = $T.requireNonNull(api, $S)", JavaTypes.OBJECTS, "api")
        .addStatement("this.streamExecutor = $T.requireNonNull(streamExecutor, $S)", JavaTypes.OBJECTS,
            "streamExecutor")
        .build());
  }

  private static void accessors(TypeSpec.Builder type, Optional<ClassName> contextClass) {
    type.addMethod(MethodSpec.methodBuilder("caller")
        .addJavadoc("The authenticated plugin calling the API method running on this thread; empty outside a call\n"
            + "or when the runtime did not authenticate the connection.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(JavaTypes.OPTIONAL, JavaTypes.PLUGIN_CALLER))
        .addStatement("return $T.current()", JavaTypes.PLUGIN_CALLER)
        .build());
    contextClass.ifPresent(c -> type.addMethod(MethodSpec.methodBuilder("requestContext")
        .addJavadoc("The context of the request being served on this thread, as the plugin sent it (use\n"
            + "{@link #caller()} to decide what the caller may do); {@code null} outside a call.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(c)
        .addStatement("return REQUEST_CONTEXT.get()")
        .build()));
  }

  /** The one message type of the requests' context fields, if any request has one. */
  private static Optional<ClassName> contextClass(JavaProtocol protocol, List<JavaRpc> rpcs) {
    List<String> types = rpcs.stream().map(r -> r.signature().context()).flatMap(Optional::stream)
        .map(f -> f.typeName().orElseThrow()).distinct().toList();
    if (types.size() > 1) {
      throw new IllegalArgumentException("requests use different RequestContext types " + types
          + "; every request's `RequestContext context` field must use one message");
    }
    return types.stream().findFirst().map(protocol.protoNames()::messageClass);
  }
}
