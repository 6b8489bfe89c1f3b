package dev.pyplugins.codegen.python;

import dev.pyplugins.codegen.GenerationContext;
import dev.pyplugins.codegen.GenerationOptions.PythonOptions;
import dev.pyplugins.codegen.model.MessageModel;
import dev.pyplugins.codegen.model.ProtocolModel;
import dev.pyplugins.codegen.model.RpcSignature;
import dev.pyplugins.codegen.model.ServiceModel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What every part of the SDK is generated from, derived once per run: the package name, the two services
 * and their RPC signatures, the protocol's AppError message, and where each {@code _pb2} module lives.
 *
 * @param packageName the SDK's import name
 * @param options the Python choices (distribution name, version, requirements)
 * @param model the protocol
 * @param api the service plugins call
 * @param hooks the service the host calls on plugins
 * @param apiRpcs the API's RPC signatures, in declaration order
 * @param hookRpcs the hooks' RPC signatures, in declaration order
 * @param appError the protocol's AppError message
 * @param modules the {@code _pb2} modules and their import aliases
 * @param protocOutput protoc's Python output, by relative path
 */
record SdkContext(String packageName, PythonOptions options, ProtocolModel model, ServiceModel api,
    ServiceModel hooks, List<RpcSignature> apiRpcs, List<RpcSignature> hookRpcs, MessageModel appError,
    PbModules modules, Map<String, byte[]> protocOutput) {

  /**
   * The SDK context of a generation run.
   *
   * @throws IllegalArgumentException when the package name, the services or the AppError message do not fit
   */
  static SdkContext of(GenerationContext context) {
    PythonOptions options = context.options().python();
    String pkg = options.packageName();
    if (!pkg.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("Python package name '" + pkg + "' is not a valid identifier");
    }
    if (context.protocPythonOutput().isEmpty()) {
      throw new IllegalArgumentException("the Python SDK needs protoc's Python output (--python_out, --pyi_out)");
    }
    ProtocolModel model = context.model();
    ServiceModel api = service(model, context.options().apiService(), "API");
    ServiceModel hooks = service(model, context.options().hooksService(), "hooks");
    List<RpcSignature> apiRpcs = api.methods().stream().map(RpcSignature::of).toList();
    List<RpcSignature> hookRpcs = hooks.methods().stream().map(RpcSignature::of).toList();
    Set<String> pythonFiles = Set.copyOf(context.protocPythonOutput().keySet().stream()
        .map(p -> p.replace('\\', '/')).toList());
    return new SdkContext(pkg, options, model, api, hooks, apiRpcs, hookRpcs, appError(model, apiRpcs, hookRpcs),
        new PbModules(model, pythonFiles), context.protocPythonOutput());
  }

  /** A path inside the package: {@code client.py} becomes {@code mattermost_plugin/client.py}. */
  String path(String inPackage) {
    return packageName + "/" + inPackage;
  }

  private static ServiceModel service(ProtocolModel model, String name, String role) {
    return model.service(name).orElseThrow(() -> new IllegalArgumentException("the Python SDK needs the " + role
        + " service '" + name + "', which the protocol does not declare (services: "
        + model.services().stream().map(ServiceModel::fullName).toList() + ")"));
  }

  private static MessageModel appError(ProtocolModel model, List<RpcSignature> api, List<RpcSignature> hooks) {
    return Stream.concat(api.stream(), hooks.stream()).flatMap(s -> s.error().stream())
        .findFirst().map(f -> model.message(f.typeName().orElseThrow()))
        .orElseThrow(() -> new IllegalArgumentException("the Python SDK needs an " + RpcSignature.ERROR_TYPE
            + " error field in the responses (see docs/proto-conventions.md); none has one"));
  }
}
