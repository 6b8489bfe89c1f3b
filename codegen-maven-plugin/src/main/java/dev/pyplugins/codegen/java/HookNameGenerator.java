package dev.pyplugins.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.pyplugins.codegen.GeneratedFile;
import dev.pyplugins.codegen.GenerationContext;
import dev.pyplugins.codegen.Generator;
import dev.pyplugins.codegen.model.ServiceModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * {@code HookName}: an enum with a constant per hook of the hooks service ({@code MESSAGE_WILL_BE_POSTED}
 * for {@code MessageWillBePosted}), so Java code names a hook with a type the compiler checks instead of a
 * string nobody does. {@code Implemented} is the discovery RPC, not a hook, and has no constant.
 * {@code fromRpcName} turns a name from configuration into a constant, suggesting the closest on a typo.
 */
public final class HookNameGenerator implements Generator {

  @Override
  public String name() {
    return "java-hook-name";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    JavaProtocol protocol = JavaProtocol.of(context);
    return protocol.hooks().map(hooks -> List.of(file(protocol, hooks))).orElse(List.of());
  }

  private static GeneratedFile file(JavaProtocol protocol, ServiceModel hooks) {
    ClassName name = protocol.hookName();
    TypeSpec.Builder type = TypeSpec.enumBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The hooks of {@code $L}, one constant each, named after the RPC ({@link #rpcName()}).\n",
            hooks.fullName())
        .addJavadoc("Use it wherever Java code names a hook: dispatching it, configuring its deadline.\n");
    Set<String> taken = new HashSet<>(Set.of("RPC_NAMES"));
    for (JavaRpc rpc : protocol.rpcs(hooks)) {
      if (rpc.rpcName().equals(HookPolicy.IMPLEMENTED)) {
        continue;
      }
      String constant = unique(JavaNames.upperSnake(rpc.rpcName()), taken);
      TypeSpec.Builder body = TypeSpec.anonymousClassBuilder("$S", rpc.rpcName());
      String summary = rpc.method().doc().summary();
      body.addJavadoc("$L\n", summary.isEmpty() ? "The {@code " + rpc.rpcName() + "} hook." : JavaDocs.escape(summary));
      if (rpc.method().deprecated()) {
        body.addJavadoc("\n@deprecated the protocol marks this hook deprecated\n");
        body.addAnnotation(Deprecated.class);
      }
      type.addEnumConstant(constant, body.build());
    }
    type.addField(String.class, "rpcName", Modifier.PRIVATE, Modifier.FINAL);
    type.addField(FieldSpec.builder(ParameterizedTypeName.get(JavaTypes.LIST, JavaTypes.STRING), "RPC_NAMES",
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.stream(values()).map($T::rpcName).toList()", JavaTypes.ARRAYS, name).build());
    type.addMethod(MethodSpec.constructorBuilder()
        .addParameter(String.class, "rpcName")
        .addStatement("this.rpcName = rpcName")
        .build());
    type.addMethod(MethodSpec.methodBuilder("rpcName")
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addJavadoc("The hook's RPC name, as in the protocol and Mattermost's docs, such as {@code $L}.\n",
            "MessageWillBePosted")
        .addStatement("return rpcName")
        .build());
    type.addMethod(MethodSpec.methodBuilder("fromRpcName")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(name)
        .addParameter(String.class, "rpcName")
        .addJavadoc("The hook of that RPC name.\n\n")
        .addJavadoc("@throws IllegalArgumentException when no hook has that name; the message suggests the closest\n")
        .beginControlFlow("for ($T hook : values())", name)
        .beginControlFlow("if (hook.rpcName.equals(rpcName))")
        .addStatement("return hook")
        .endControlFlow()
        .endControlFlow()
        .addStatement("throw new $T($S + rpcName + $S + $T.didYouMean(rpcName, RPC_NAMES))",
            IllegalArgumentException.class, "unknown hook '", "'", JavaTypes.NAME_SUGGESTIONS)
        .build());
    type.addMethod(MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addJavadoc("The RPC name, which is what logs and messages should show.\n")
        .addStatement("return rpcName")
        .build());
    return JavaSourceFile.of(protocol, name, type, hooks.file().path());
  }

  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    while (!taken.add(candidate)) {
      candidate = candidate + "_";
    }
    return candidate;
  }
}
