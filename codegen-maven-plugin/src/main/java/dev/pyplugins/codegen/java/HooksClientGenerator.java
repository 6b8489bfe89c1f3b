package dev.pyplugins.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
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
 * {@code HooksClient}: implements the {@code Hooks} interface by calling a plugin over a gRPC channel (see
 * {@link HooksClientMethods}), with a deadline on every call, {@code Implemented} discovery, fail-open
 * "Will" hooks and streamed bodies.
 */
public final class HooksClientGenerator implements Generator {

  @Override
  public String name() {
    return "java-hooks-client";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    JavaProtocol protocol = JavaProtocol.of(context);
    return protocol.hooks().map(hooks -> List.of(file(protocol, hooks))).orElse(List.of());
  }

  private static GeneratedFile file(JavaProtocol protocol, ServiceModel hooks) {
    ClassName client = protocol.hooksClient();
    ClassName grpc = protocol.grpcClass(hooks);
    List<JavaRpc> rpcs = protocol.rpcs(hooks);
    Optional<JavaRpc> implemented = HookPolicy.implemented(rpcs);
    HooksClientMethods methods = new HooksClientMethods(protocol, grpc);

    TypeSpec.Builder type = TypeSpec.classBuilder(client)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(protocol.hooksInterface())
        .addJavadoc(contract(protocol, hooks, implemented.isPresent()));
    Deprecations.suppressIfNeeded(type, protocol.model(), hooks);
    type.addField(FieldSpec.builder(JavaTypes.SYSTEM_LOGGER, "LOG", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.getLogger($T.class.getName())", System.class, client).build());
    for (JavaRpc rpc : rpcs) {
      if (rpc.streams()) {
        type.addField(BodyFormatCode.requestFormat(rpc));
      }
      if (rpc.shape() == RpcShape.BIDI_BODY_STREAM) {
        type.addField(BodyFormatCode.responseFormat(rpc));
      }
    }
    type.addField(JavaTypes.HOOK_INVOKER, "invoker", Modifier.PRIVATE, Modifier.FINAL);
    if (implemented.isPresent()) {
      type.addField(JavaTypes.IMPLEMENTED_HOOKS, "implementedHooks", Modifier.PRIVATE, Modifier.FINAL);
    }
    constructors(type, protocol, implemented.isPresent());
    type.addMethod(isImplemented(protocol, implemented.isPresent()));
    for (JavaRpc rpc : rpcs) {
      type.addMethod(implemented.filter(i -> i == rpc).map(i -> implementedOverride(i)).orElseGet(() ->
          methods.override(rpc)));
    }
    implemented.ifPresent(i -> type.addMethod(discovery(protocol, grpc, i)));
    if (protocol.appErrorException().isPresent()) {
      type.addMethod(HooksClientMethods.orThrowHelper());
    }
    return JavaSourceFile.of(protocol, client, type, hooks.file().path());
  }

  private static CodeBlock contract(JavaProtocol protocol, ServiceModel hooks,
      boolean discovers) {
    CodeBlock.Builder doc = CodeBlock.builder()
        .add("Calls the hooks of a plugin ({@code $L}) over a gRPC channel.\n\n<ul>\n", hooks.fullName())
        .add("<li>Every call has the deadline its {@link $T} give it (unary hooks: $L ms unless\n",
            JavaTypes.HOOK_CALL_OPTIONS, protocol.options().hookDeadlineMillis())
        .add("    configured otherwise; streaming hooks: none).\n");
    if (discovers) {
      doc.add("<li>The plugin is asked once which hooks it implements; a hook it lacks is never called: a unary\n")
          .add("    hook returns its neutral result (nothing, {@code null}, {@code \"\"}, {@code false}, {@code 0},\n")
          .add("    an empty list or response), a streaming hook throws {@link $T}.\n",
              JavaTypes.HOOK_NOT_IMPLEMENTED);
    }
    doc.add("<li>\"Will\" hooks fail open, as in Mattermost: a transport failure or an error answer is logged and\n")
        .add("    the neutral result returned, which lets the action through unchanged. Other hooks throw\n")
        .add("    {@link $T} for transport failures", JavaTypes.HOOK_CALL_EXCEPTION);
    protocol.appErrorException().ifPresent(e -> doc.add(" and {@link $T} for error answers", e));
    return doc.add(".\n")
        .add("<li>Streaming hooks (ServeHTTP and the like) block the calling thread: the request body is read\n")
        .add("    and sent as it comes, the response goes to the sink as it arrives, both under flow control.\n")
        .add("</ul>\n\n<p>Thread-safe. The channel belongs to the caller, who shuts it down.\n")
        .build();
  }

  private static void constructors(TypeSpec.Builder type, JavaProtocol protocol, boolean discovers) {
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("Calls hooks on {@code channel} with the default options and a $L ms deadline for unary hooks.\n",
            protocol.options().hookDeadlineMillis())
        .addParameter(JavaTypes.CHANNEL, "channel")
        .addStatement("this(channel, $T.defaults().withDefaultDeadline($T.ofMillis($L)))", JavaTypes.HOOK_CALL_OPTIONS,
            JavaTypes.DURATION, protocol.options().hookDeadlineMillis() + "L")
        .build());
    MethodSpec.Builder main = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("Calls hooks on {@code channel} as {@code options} say.\n")
        .addParameter(JavaTypes.CHANNEL, "channel")
        .addParameter(JavaTypes.HOOK_CALL_OPTIONS, "options")
        .addStatement("this.invoker = new $T(channel, options)", JavaTypes.HOOK_INVOKER);
    if (discovers) {
      main.addStatement("this.implementedHooks = new $T(this::discoverImplemented)", JavaTypes.IMPLEMENTED_HOOKS);
    }
    type.addMethod(main.build());
  }

  private static MethodSpec isImplemented(JavaProtocol protocol, boolean discovers) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("isImplemented")
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addParameter(protocol.hookName(), "hook");
    if (discovers) {
      return method.addJavadoc("True when the plugin implements the hook. The first use asks the plugin; the answer "
              + "is kept.\nThrows like a hook call when the plugin cannot be asked.\n")
          .addStatement("return implementedHooks.contains(hook.rpcName())")
          .build();
    }
    return method.addJavadoc("Always true: the protocol has no way to ask a plugin which hooks it implements.\n")
        .addStatement("return true")
        .build();
  }

  private static MethodSpec implementedOverride(JavaRpc implemented) {
    return implemented.signatureBuilder()
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The hooks the plugin implements, asked once and then remembered.\n")
        .addStatement("return implementedHooks.names()")
        .build();
  }

  private static MethodSpec discovery(JavaProtocol protocol, ClassName grpc, JavaRpc implemented) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("discoverImplemented")
        .addModifiers(Modifier.PRIVATE)
        .returns(ParameterizedTypeName.get(JavaTypes.LIST, JavaTypes.STRING))
        .addStatement("$T response = invoker.unary($T.$L(), $T.getDefaultInstance())", implemented.responseClass(),
            grpc, implemented.methodGetter(), implemented.requestClass());
    implemented.signature().error().ifPresent(error -> protocol.appErrorException().ifPresent(e -> method
        .beginControlFlow("if (response.$L())", FieldCode.hazzer(error))
        .addStatement("throw new $T(response.$L())", e, FieldCode.getter(error))
        .endControlFlow()));
    return method.addStatement("return $L", protocol.fields().read("response", implemented.singleResult().orElseThrow()))
        .build();
  }
}
