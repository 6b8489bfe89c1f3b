package dev.pyplugins.codegen.python;

import dev.pyplugins.codegen.GeneratedFile;
import dev.pyplugins.codegen.GenerationContext;
import dev.pyplugins.codegen.GenerationOptions.PythonOptions;
import dev.pyplugins.codegen.Generator;
import dev.pyplugins.codegen.OutputRoot;
import dev.pyplugins.codegen.model.FieldModel;
import dev.pyplugins.codegen.model.MessageModel;
import dev.pyplugins.codegen.model.ProtocolModel;
import dev.pyplugins.codegen.model.RpcSignature;
import dev.pyplugins.codegen.model.ServiceModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The typed Python SDK: the importable package ({@link OutputRoot#PYTHON}) and its wheel
 * ({@link OutputRoot#WHEEL}). The package is the handwritten core from the templates jar, protoc's
 * modules relocated under {@code <package>._proto}, and the modules rendered here: the sync and async
 * API clients, {@code HookName}, the hook dispatch, the AppError hierarchy, the model re-exports and the
 * test harness's fake API and hook caller.
 */
public final class PythonSdkGenerator implements Generator {

  /** Requirements of the handwritten core itself, merged under the user's (AutoMTLS needs cryptography). */
  private static final Map<String, String> CORE_REQUIREMENTS = Map.of("cryptography", ">=42.0");
  private static final String PROTOBUF = "protobuf";

  private final SdkResources resources = new SdkResources();

  @Override
  public String name() {
    return "python-sdk";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    ProtocolModel model = context.model();
    PythonOptions options = context.options().python();
    String pkg = options.packageName();
    if (!pkg.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("Python package name '" + pkg + "' is not a valid identifier");
    }
    if (context.protocPythonOutput().isEmpty()) {
      throw new IllegalArgumentException("the Python SDK needs protoc's Python output (--python_out, --pyi_out)");
    }
    ServiceModel api = service(model, context.options().apiService(), "API");
    ServiceModel hooks = service(model, context.options().hooksService(), "hooks");

    ProtocOutputRelocator relocator = new ProtocOutputRelocator(pkg, context.protocPythonOutput());
    PbModules modules = new PbModules(model, pythonModuleFiles(context.protocPythonOutput()));

    Map<String, GeneratedFile> files = new TreeMap<>();
    resources.coreFiles().forEach((path, bytes) ->
        files.put(pkg + "/" + path, new GeneratedFile(OutputRoot.PYTHON, pkg + "/" + path, bytes)));
    relocator.relocate().forEach(f -> files.put(f.path(), f));
    List<RpcSignature> apiRpcs = api.methods().stream().map(RpcSignature::of).toList();
    List<RpcSignature> hookRpcs = hooks.methods().stream().map(RpcSignature::of).toList();

    render(files, pkg, "client", pkg + "/client.py", api.file().path(), modules, 0,
        imports -> apiMethods(apiRpcs, imports), imports -> clientExtra(api, apiRpcs, imports));
    render(files, pkg, "async_client", pkg + "/async_client.py", api.file().path(), modules, 0,
        imports -> apiMethods(apiRpcs, imports), imports -> clientExtra(api, apiRpcs, imports));
    render(files, pkg, "fake_api", pkg + "/testing/_fake_api.py", api.file().path(), modules, 1,
        imports -> apiMethods(apiRpcs, imports), imports -> clientExtra(api, apiRpcs, imports));
    render(files, pkg, "hook_names", pkg + "/_hook_names.py", hooks.file().path(), modules, 0,
        imports -> hookViews(hookRpcs, imports), imports -> Map.of("service", hooks.fullName()));
    render(files, pkg, "hooks_dispatch", pkg + "/_hooks_dispatch.py", hooks.file().path(), modules, 0,
        imports -> hookViews(hookRpcs, imports), imports -> Map.of("service", hooks.fullName()));
    render(files, pkg, "hook_caller", pkg + "/testing/_hook_caller.py", hooks.file().path(), modules, 1,
        imports -> hookViews(hookRpcs, imports), imports -> Map.of("service", hooks.fullName()));
    MessageModel appError = appError(model, apiRpcs, hookRpcs);
    render(files, pkg, "errors", pkg + "/errors.py", appError.file().path(), modules, 0,
        imports -> ErrorFieldView.of(appError, imports), imports -> Map.of());
    render(files, pkg, "models", pkg + "/models.py", api.file().path(), modules, 0,
        imports -> ModelTypeView.of(model, List.of(api, hooks), imports), imports -> Map.of());

    List<GeneratedFile> out = new ArrayList<>(files.values());
    out.add(wheel(options, relocator, files));
    return List.copyOf(out);
  }

  private interface ViewPart<T> {
    T build(PbModules.Imports imports);
  }

  private void render(Map<String, GeneratedFile> files, String pkg, String template, String path, String protoFile,
      PbModules modules, int depth, ViewPart<List<?>> items, ViewPart<Map<String, ?>> extra) {
    PbModules.Imports imports = modules.new Imports();
    List<?> itemViews = items.build(imports);
    Map<String, ?> extraView = extra.build(imports);
    ModuleView view = new ModuleView(ModuleView.header(protoFile), pkg, imports.lines(depth), itemViews, extraView);
    files.put(path, GeneratedFile.text(OutputRoot.PYTHON, path, resources.render(template, view)));
  }

  private static List<ApiMethodView> apiMethods(List<RpcSignature> rpcs, PbModules.Imports imports) {
    return rpcs.stream().map(s -> ApiMethodView.of(s, imports, "self._new_context()")).toList();
  }

  private static List<HookView> hookViews(List<RpcSignature> rpcs, PbModules.Imports imports) {
    return rpcs.stream().map(s -> HookView.of(s, imports)).toList();
  }

  /** The request-context type and how the client fills it (only the fields the protocol's context has). */
  private static Map<String, ?> clientExtra(ServiceModel api, List<RpcSignature> rpcs, PbModules.Imports imports) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("service", api.fullName());
    FieldModel contextField = rpcs.stream().flatMap(s -> s.context().stream()).findFirst().orElse(null);
    if (contextField == null) {
      extra.put("contextType", "None");
      extra.put("contextArguments", "");
      return extra;
    }
    MessageModel context = imports.model().message(contextField.typeName().orElseThrow());
    List<String> args = new ArrayList<>();
    if (context.field("plugin_id").isPresent()) {
      args.add("plugin_id=self._plugin_id");
    }
    if (context.field("request_id").isPresent()) {
      args.add("request_id=_current_request_id()");
    }
    extra.put("contextType", imports.message(context.fullName()));
    extra.put("contextArguments", String.join(", ", args));
    return extra;
  }

  private static ServiceModel service(ProtocolModel model, String name, String role) {
    return model.service(name).orElseThrow(() -> new IllegalArgumentException("the Python SDK needs the " + role
        + " service '" + name + "', which the protocol does not declare (services: "
        + model.services().stream().map(ServiceModel::fullName).toList() + ")"));
  }

  private static MessageModel appError(ProtocolModel model, List<RpcSignature> api, List<RpcSignature> hooks) {
    return java.util.stream.Stream.concat(api.stream(), hooks.stream()).flatMap(s -> s.error().stream())
        .findFirst().map(f -> model.message(f.typeName().orElseThrow()))
        .orElseThrow(() -> new IllegalArgumentException("the Python SDK needs an " + RpcSignature.ERROR_TYPE
            + " error field in the responses (see docs/proto-conventions.md); none has one"));
  }

  private static Set<String> pythonModuleFiles(Map<String, byte[]> protocOutput) {
    return Set.copyOf(protocOutput.keySet().stream().map(p -> p.replace('\\', '/')).toList());
  }

  private GeneratedFile wheel(PythonOptions options, ProtocOutputRelocator relocator, Map<String, GeneratedFile> files) {
    Map<String, String> requirements = new HashMap<>(CORE_REQUIREMENTS);
    requirements.putAll(options.requirements());
    relocator.gencodeVersion().ifPresent(gencode -> {
      String floor = requirements.getOrDefault(PROTOBUF, "");
      if (!floor.startsWith(">=") || Versions.compare(floor.substring(2), gencode) < 0) {
        requirements.put(PROTOBUF, ">=" + gencode);
      }
    });
    WheelMetadata metadata = new WheelMetadata(options.distributionName(), options.version(),
        "Typed Python SDK for plugins of a Mattermost-protocol host: API clients, hooks and plugin server",
        options.requiresPython(), requirements, List.of(options.packageName()));
    WheelWriter writer = new WheelWriter(metadata);
    Map<String, byte[]> content = new TreeMap<>();
    files.values().forEach(f -> content.put(f.path(), f.content()));
    return new GeneratedFile(OutputRoot.WHEEL, writer.fileName(), writer.write(content));
  }
}
