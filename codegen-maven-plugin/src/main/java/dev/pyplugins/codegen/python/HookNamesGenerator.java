package dev.pyplugins.codegen.python;

import java.util.List;
import java.util.Map;

/** {@code _hook_names.py}: the {@code HookName} enum and the snake_case spellings {@code @hook} accepts. */
final class HookNamesGenerator extends TemplateModuleGenerator {

  HookNamesGenerator(SdkResources resources) {
    super(resources);
  }

  @Override
  public String name() {
    return "hook_names";
  }

  @Override
  String path() {
    return "_hook_names.py";
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
