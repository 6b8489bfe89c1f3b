package dev.pyplugins.codegen.java;

import com.palantir.javapoet.ClassName;
import dev.pyplugins.codegen.GenerationContext;
import dev.pyplugins.codegen.GenerationOptions;
import dev.pyplugins.codegen.model.FieldKind;
import dev.pyplugins.codegen.model.FieldModel;
import dev.pyplugins.codegen.model.MessageModel;
import dev.pyplugins.codegen.model.ProtoFile;
import dev.pyplugins.codegen.model.ProtocolModel;
import dev.pyplugins.codegen.model.RpcSignature;
import dev.pyplugins.codegen.model.ServiceModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What every Java generator needs to know about one run, worked out once: the API and hooks services, the
 * package and names of the generated classes, the protocol's AppError and RequestContext classes, and the
 * idiomatic view of every RPC. Fails with a message naming the problem when the protocol cannot be
 * generated (a class name clash, an AppError without the fields the generated code uses).
 */
final class JavaProtocol {

  /** The AppError fields AppErrorException's factories set, in the order they are checked. */
  private static final List<Map.Entry<String, FieldKind>> APP_ERROR_FIELDS = List.of(
      Map.entry("id", FieldKind.STRING), Map.entry("message", FieldKind.STRING),
      Map.entry("status_code", FieldKind.INT32), Map.entry("where", FieldKind.STRING));

  private final ProtocolModel model;
  private final GenerationOptions options;
  private final ProtoJavaNames protoNames;
  private final FieldCode fields;
  private final Optional<ServiceModel> api;
  private final Optional<ServiceModel> hooks;
  private final String javaPackage;
  private final Optional<MessageModel> appError;

  private JavaProtocol(GenerationContext context) {
    this.model = context.model();
    this.options = context.options();
    this.protoNames = new ProtoJavaNames(model);
    this.fields = new FieldCode(protoNames);
    this.api = model.service(options.apiService());
    this.hooks = model.service(options.hooksService());
    this.javaPackage = options.javaPackage()
        .or(() -> api.or(() -> hooks).map(s -> ProtoJavaNames.javaPackage(s.file())))
        .orElse("");
    this.appError = findAppError();
    checkNoClassClashes();
  }

  static JavaProtocol of(GenerationContext context) {
    return new JavaProtocol(context);
  }

  ProtocolModel model() {
    return model;
  }

  GenerationOptions options() {
    return options;
  }

  ProtoJavaNames protoNames() {
    return protoNames;
  }

  FieldCode fields() {
    return fields;
  }

  Optional<ServiceModel> api() {
    return api;
  }

  Optional<ServiceModel> hooks() {
    return hooks;
  }

  /** The package of PluginApi, Hooks and their companions. */
  String javaPackage() {
    return javaPackage;
  }

  ClassName apiInterface() {
    return ClassName.get(javaPackage, options.apiInterfaceName());
  }

  ClassName apiServer() {
    return ClassName.get(javaPackage, options.apiInterfaceName() + "Server");
  }

  /** The base class whose every method answers "not supported" (501); hosts extend it. */
  ClassName unsupportedApi() {
    return ClassName.get(javaPackage, "Unsupported" + options.apiInterfaceName());
  }

  ClassName hooksInterface() {
    return ClassName.get(javaPackage, options.hooksInterfaceName());
  }

  ClassName hooksClient() {
    return ClassName.get(javaPackage, options.hooksInterfaceName() + "Client");
  }

  /** The enum of the hooks' names. */
  ClassName hookName() {
    return ClassName.get(javaPackage, "HookName");
  }

  /** AppErrorException, when the protocol has an AppError to carry. */
  Optional<ClassName> appErrorException() {
    return appError.map(e -> ClassName.get(javaPackage, "AppErrorException"));
  }

  Optional<MessageModel> appError() {
    return appError;
  }

  /** The gRPC bindings class of a service, in the Java package of the service's file. */
  ClassName grpcClass(ServiceModel service) {
    return ClassName.get(ProtoJavaNames.javaPackage(service.file()), service.name() + "Grpc");
  }

  /** The idiomatic view of every RPC of a service, in declaration order. */
  List<JavaRpc> rpcs(ServiceModel service) {
    JavaNames names = JavaNames.of(service);
    return service.methods().stream().map(m -> new JavaRpc(RpcSignature.of(m), names, protoNames, fields)).toList();
  }

  /**
   * Simple names of java.lang classes generated code uses that a protocol class in {@code pkg} shadows;
   * JavaPoet must write both fully qualified.
   */
  Set<String> shadowedJavaLangNames(String pkg) {
    Set<String> used = Set.of("String", "Object", "Override", "Deprecated", "SuppressWarnings", "System",
        "RuntimeException", "Exception", "InterruptedException", "Thread", "Integer", "Long", "Boolean", "Double",
        "Float", "Iterable");
    return classNamesIn(pkg).filter(used::contains).collect(Collectors.toCollection(TreeSet::new));
  }

  private Stream<String> classNamesIn(String pkg) {
    return model.files().stream().filter(f -> ProtoJavaNames.javaPackage(f).equals(pkg))
        .flatMap(f -> protoNames.topLevelClassNames(f).stream());
  }

  private Optional<MessageModel> findAppError() {
    List<String> types = Stream.concat(api.stream(), hooks.stream())
        .flatMap(s -> s.methods().stream())
        .map(m -> RpcSignature.of(m).error())
        .flatMap(Optional::stream)
        .map(f -> f.typeName().orElseThrow())
        .distinct().toList();
    if (types.size() > 1) {
      throw new IllegalArgumentException("responses use different AppError types " + types
          + "; every response's `AppError error` field must use one message");
    }
    Optional<MessageModel> found = types.stream().findFirst().map(model::message);
    found.ifPresent(JavaProtocol::checkAppErrorFields);
    return found;
  }

  private static void checkAppErrorFields(MessageModel appError) {
    APP_ERROR_FIELDS.forEach(required -> {
      String name = required.getKey();
      FieldKind kind = required.getValue();
      Optional<FieldModel> field = appError.field(name);
      if (field.isEmpty() || field.get().kind() != kind
          || field.get().cardinality() != FieldModel.Cardinality.SINGULAR) {
        throw new IllegalArgumentException("message " + appError.fullName() + " (in " + appError.file().path()
            + ") needs a singular " + kind.name().toLowerCase(java.util.Locale.ROOT) + " field `" + name
            + "` for AppErrorException (see docs/proto-conventions.md)");
      }
    });
  }

  private void checkNoClassClashes() {
    Set<String> taken = classNamesIn(javaPackage).collect(Collectors.toSet());
    Stream.of(apiInterface(), apiServer(), unsupportedApi(), hooksInterface(), hooksClient(), hookName(),
        ClassName.get(javaPackage, "AppErrorException"))
        .filter(c -> taken.contains(c.simpleName()))
        .findFirst()
        .ifPresent(c -> {
          throw new IllegalArgumentException("the generated class " + c.canonicalName() + " would clash with a "
              + "class protoc generates from " + fileDeclaring(c) + "; choose other interface names");
        });
  }

  private String fileDeclaring(ClassName clash) {
    return model.files().stream().filter(f -> ProtoJavaNames.javaPackage(f).equals(javaPackage)
        && protoNames.topLevelClassNames(f).contains(clash.simpleName())).map(ProtoFile::path).findFirst().orElse("?");
  }
}
