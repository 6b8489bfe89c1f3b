package dev.pyplugins.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.pyplugins.codegen.GeneratedFile;
import dev.pyplugins.codegen.GenerationContext;
import dev.pyplugins.codegen.Generator;
import dev.pyplugins.codegen.model.RpcSignature;
import dev.pyplugins.codegen.model.ServiceModel;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The idiomatic Java interface of a service, one method per RPC (see {@link JavaRpc}), with Javadoc from
 * the proto comments: {@code PluginApi} for the API service (the host implements it) and {@code Hooks}
 * for the hooks service (the hooks client implements it). Nothing is generated when the service is absent.
 */
public final class InterfaceGenerator implements Generator {

  private final boolean hooks;

  private InterfaceGenerator(boolean hooks) {
    this.hooks = hooks;
  }

  /** {@code PluginApi}, from the API service. */
  public static InterfaceGenerator pluginApi() {
    return new InterfaceGenerator(false);
  }

  /** {@code Hooks}, from the hooks service. */
  public static InterfaceGenerator hooks() {
    return new InterfaceGenerator(true);
  }

  @Override
  public String name() {
    return hooks ? "java-hooks" : "java-plugin-api";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    JavaProtocol protocol = JavaProtocol.of(context);
    Optional<ServiceModel> service = hooks ? protocol.hooks() : protocol.api();
    return service.map(s -> List.of(file(protocol, s))).orElse(List.of());
  }

  private GeneratedFile file(JavaProtocol protocol, ServiceModel service) {
    ClassName name = hooks ? protocol.hooksInterface() : protocol.apiInterface();
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(name).addModifiers(Modifier.PUBLIC);
    type.addJavadoc(JavaDocs.orElse(service.doc(), "The RPCs of {@code " + service.fullName() + "}."));
    type.addJavadoc("\n<p>").addJavadoc(hooks ? hooksContract(protocol) : apiContract(protocol));
    Deprecations.suppressIfNeeded(type, protocol.model(), service);
    for (JavaRpc rpc : protocol.rpcs(service)) {
      type.addMethod(method(protocol, rpc));
    }
    return JavaSourceFile.of(protocol, name, type, service.file().path());
  }

  private static CodeBlock apiContract(JavaProtocol protocol) {
    CodeBlock.Builder doc = CodeBlock.builder()
        .add("The host implements this interface and {@link $T} serves it to plugins over gRPC.\n",
            protocol.apiServer())
        .add("Methods are called concurrently, so implementations must be thread-safe. While a method\n")
        .add("runs, {@link $T#caller()} names the authenticated plugin calling it.\n", protocol.apiServer());
    protocol.appErrorException().ifPresent(e -> doc.add("Throw {@link $T} to answer with a business error; any other\n", e)
        .add("exception is answered as an internal error (500) without its details.\n"));
    return doc.build();
  }

  private static CodeBlock hooksContract(JavaProtocol protocol) {
    return CodeBlock.builder()
        .add("{@link $T} implements this interface by calling a plugin process over gRPC.\n", protocol.hooksClient())
        .build();
  }

  private MethodSpec method(JavaProtocol protocol, JavaRpc rpc) {
    MethodSpec.Builder method = rpc.signatureBuilder().addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT);
    method.addJavadoc(JavaDocs.orElse(rpc.method().doc(), "Calls {@code " + rpc.rpcName() + "}."));
    String request = rpc.requestClass().simpleName();
    String response = rpc.responseClass().simpleName();
    CodeBlock.Builder tags = CodeBlock.builder();
    for (JavaRpc.Param p : rpc.parameters()) {
      tags.add("@param $L $L\n", p.name(),
          JavaDocs.oneLine(p.field().doc(), "the {@code " + p.field().name() + "} of the " + request));
    }
    if (rpc.bodyName() != null) {
      tags.add("@param $L the request body, as it streams in; reading it is what lets the sender send more\n",
          rpc.bodyName());
    }
    if (rpc.sinkName() != null) {
      tags.add("@param $L receives the response head and body as they are produced\n", rpc.sinkName());
    }
    rpc.singleResult().ifPresent(result -> tags.add("@return $L\n",
        JavaDocs.oneLine(result.doc(), "the {@code " + result.name() + "} of the " + response)));
    if (rpc.resultKind() == RpcSignature.ResultKind.MESSAGE) {
      tags.add("@return the results, as the $L (its error is not set)\n", response);
    }
    if (rpc.signature().error().isPresent() && protocol.appErrorException().isPresent()) {
      ClassName appErrorException = protocol.appErrorException().get();
      method.addException(appErrorException);
      tags.add("@throws $T $L\n", appErrorException,
          hooks ? "when the plugin answers with an error" : "to answer with this error");
    }
    if (rpc.streams()) {
      tags.add("@throws $T when a body cannot be read or written, for example because the other side is gone\n",
          JavaTypes.IO_EXCEPTION);
    }
    if (rpc.method().deprecated()) {
      tags.add("@deprecated the protocol marks this RPC deprecated\n");
    }
    CodeBlock block = tags.build();
    if (!block.isEmpty()) {
      method.addJavadoc("\n").addJavadoc(block);
    }
    return method.build();
  }
}
