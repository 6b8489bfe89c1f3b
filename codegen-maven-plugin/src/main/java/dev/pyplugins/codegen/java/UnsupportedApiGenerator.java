package dev.pyplugins.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.pyplugins.codegen.GeneratedFile;
import dev.pyplugins.codegen.GenerationContext;
import dev.pyplugins.codegen.Generator;
import dev.pyplugins.codegen.model.ServiceModel;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code UnsupportedPluginApi}: an abstract {@code PluginApi} whose every method throws
 * {@code AppErrorException.notSupported("<Rpc>")} (status 501). A host extends it and overrides the methods it
 * supports, so a method it leaves out answers a clear error naming the method instead of failing to compile
 * or doing nothing. Nothing is generated without an API service or an AppError to carry.
 */
public final class UnsupportedApiGenerator implements Generator {

  @Override
  public String name() {
    return "java-unsupported-plugin-api";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    JavaProtocol protocol = JavaProtocol.of(context);
    if (protocol.appErrorException().isEmpty()) {
      return List.of();
    }
    return protocol.api().map(api -> List.of(file(protocol, api))).orElse(List.of());
  }

  private static GeneratedFile file(JavaProtocol protocol, ServiceModel api) {
    ClassName name = protocol.unsupportedApi();
    ClassName exception = protocol.appErrorException().orElseThrow();
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addSuperinterface(protocol.apiInterface())
        .addJavadoc("A {@link $T} that supports nothing: every method throws\n", protocol.apiInterface())
        .addJavadoc("{@link $T#notSupported(String, String)}, naming the RPC and the host (status 501).\n",
            exception)
        .addJavadoc("Extend it and override the methods your host supports; the others then answer a clear\n")
        .addJavadoc("error rather than a silent default.\n");
    Deprecations.suppressIfNeeded(type, protocol.model(), api);
    type.addField(FieldSpec.builder(String.class, "hostName", Modifier.PRIVATE, Modifier.FINAL).build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PROTECTED)
        .addJavadoc("Errors name the host \"this server\".\n")
        .addStatement("this($S)", "this server")
        .build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PROTECTED)
        .addJavadoc("@param hostName how the 501 errors name this host, as in \"the sample host\"\n")
        .addParameter(String.class, "hostName")
        .addStatement("this.hostName = $T.requireNonNull(hostName, $S)", java.util.Objects.class, "hostName")
        .build());
    for (JavaRpc rpc : protocol.rpcs(api)) {
      MethodSpec.Builder method = rpc.signatureBuilder().addModifiers(Modifier.PUBLIC)
          .addAnnotation(Override.class)
          .addStatement("throw $T.notSupported($S, hostName)", exception, rpc.rpcName());
      if (rpc.signature().error().isPresent()) {
        method.addException(exception);
      }
      type.addMethod(method.build());
    }
    return JavaSourceFile.of(protocol, name, type, api.file().path());
  }
}
