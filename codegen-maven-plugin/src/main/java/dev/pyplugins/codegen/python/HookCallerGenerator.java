package dev.pyplugins.codegen.python;

import java.util.List;
import java.util.Map;

/** {@code testing/_hook_caller.py}: {@code HookCaller}, one typed method per hook for tests. */
final class HookCallerGenerator extends TemplateModuleGenerator {

  HookCallerGenerator(SdkResources resources) {
    super(resources);
  }

  @Override
  public String name() {
    return "hook_caller";
  }

  @Override
  String path() {
    return "testing/_hook_caller.py";
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
