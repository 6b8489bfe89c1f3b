package dev.pyplugins.codegen.python;

import java.util.List;
import java.util.Map;

/** {@code _hooks_dispatch.py}: one binder per hook, from the raw gRPC call to the handler and back. */
final class HookDispatchGenerator extends TemplateModuleGenerator {

  HookDispatchGenerator(SdkResources resources) {
    super(resources);
  }

  @Override
  public String name() {
    return "hooks_dispatch";
  }

  @Override
  String path() {
    return "_hooks_dispatch.py";
  }

  @Override
  String source(SdkContext sdk) {
    return sdk.hooks().file().path();
  }

  @Override
  List<?> items(SdkContext sdk, PbModules.Imports imports) {
    return HookView.all(sdk, imports);
  }

  @Override
  Map<String, ?> extra(SdkContext sdk, PbModules.Imports imports) {
    return Map.of("service", sdk.hooks().fullName());
  }
}
