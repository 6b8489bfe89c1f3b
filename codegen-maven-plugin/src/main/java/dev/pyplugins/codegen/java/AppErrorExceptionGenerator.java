package dev.pyplugins.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.pyplugins.codegen.GeneratedFile;
import dev.pyplugins.codegen.GenerationContext;
import dev.pyplugins.codegen.Generator;
import dev.pyplugins.codegen.model.MessageModel;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code AppErrorException}: the unchecked exception that carries the protocol's AppError message intact,
 * with factories for the usual statuses. Generated when the API or hooks responses have an
 * {@code AppError error} field.
 */
public final class AppErrorExceptionGenerator implements Generator {

  @Override
  public String name() {
    return "java-app-error-exception";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    JavaProtocol protocol = JavaProtocol.of(context);
    return protocol.appError().map(appError -> List.of(file(protocol, appError))).orElse(List.of());
  }

  private static GeneratedFile file(JavaProtocol protocol, MessageModel appErrorMessage) {
    ClassName exception = protocol.appErrorException().orElseThrow();
    ClassName appError = protocol.protoNames().messageClass(appErrorMessage);
    TypeSpec.Builder type = TypeSpec.classBuilder(exception)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(RuntimeException.class)
        .addJavadoc("A business error of the protocol, carrying an {@link $T} with every field intact. A\n"
            + "{@code PluginApi} implementation throws it to answer a call with this error; the hooks client throws\n"
            + "it when a plugin answers a hook with one. Immutable.\n", appError)
        .addField(FieldSpec.builder(TypeName.LONG, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL).initializer("1L").build())
        .addField(appError, "appError", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("Wraps the error as it is.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(appError, "appError")
            .addStatement("super(describe($T.requireNonNull(appError, $S)))", JavaTypes.OBJECTS, "appError")
            .addStatement("this.appError = appError")
            .build())
        .addMethod(MethodSpec.methodBuilder("of")
            .addJavadoc("An error with an HTTP-like status code, a stable dotted id and a message for the end user.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(exception)
            .addParameter(TypeName.INT, "statusCode")
            .addParameter(String.class, "id")
            .addParameter(String.class, "message")
            .addStatement("return new $T($T.newBuilder().setStatusCode(statusCode).setId(id).setMessage(message)"
                + ".build())", exception, appError)
            .build());
    type.addMethod(shortcut(exception, "badRequest", 400, "The input was invalid (400)."));
    type.addMethod(shortcut(exception, "forbidden", 403, "The caller may not do this (403)."));
    type.addMethod(shortcut(exception, "notFound", 404, "What was asked for does not exist (404)."));
    type.addMethod(MethodSpec.methodBuilder("notSupported")
        .addJavadoc("The host does not support the method (501), as Go's API answers for methods a server lacks.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(exception)
        .addParameter(String.class, "methodName")
        .addStatement("return notSupported(methodName, $S)", "this server")
        .build());
    type.addMethod(MethodSpec.methodBuilder("notSupported")
        .addJavadoc("The host does not support the method (501); the message names the method and the host, as in\n"
            + "\"GetLicense is not supported by the sample host.\"\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(exception)
        .addParameter(String.class, "methodName")
        .addParameter(String.class, "hostName")
        .addStatement("return new $T($T.newBuilder().setStatusCode(501).setId($S)\n"
            + ".setMessage(methodName + $S + hostName + $S).setWhere(methodName).build())", exception, appError,
            "plugin.api.not_supported", " is not supported by ", ".")
        .build());
    type.addMethod(MethodSpec.methodBuilder("internal")
        .addJavadoc("An internal error (500) with a generic message: what callers get instead of an unexpected\n"
            + "exception, whose details stay in the host's log.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(exception)
        .addParameter(String.class, "where")
        .addStatement("return new $T($T.newBuilder().setStatusCode(500).setId($S)\n"
            + ".setMessage($S).setWhere(where).build())", exception, appError, "plugin.api.internal_error",
            "An internal error occurred.")
        .build());
    type.addMethod(MethodSpec.methodBuilder("appError")
        .addJavadoc("The error, exactly as it was thrown or received.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(appError)
        .addStatement("return appError")
        .build());
    type.addMethod(MethodSpec.methodBuilder("statusCode")
        .addJavadoc("The error's HTTP-like status code.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.INT)
        .addStatement("return appError.getStatusCode()")
        .build());
    type.addMethod(MethodSpec.methodBuilder("describe")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(String.class)
        .addParameter(appError, "error")
        .addStatement("return error.getId() + $S + error.getMessage() + $S + error.getStatusCode()\n"
            + "+ (error.getWhere().isEmpty() ? $S : $S + error.getWhere()) + $S", ": ", " (status ", "", ", in ", ")")
        .build());
    return JavaSourceFile.of(protocol, exception, type, appErrorMessage.file().path());
  }

  private static MethodSpec shortcut(ClassName exception, String name, int status, String doc) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc(doc + "\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(exception)
        .addParameter(String.class, "id")
        .addParameter(String.class, "message")
        .addStatement("return of($L, id, message)", status)
        .build();
  }
}
