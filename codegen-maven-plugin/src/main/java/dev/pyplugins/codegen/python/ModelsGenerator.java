package dev.pyplugins.codegen.python;

import java.util.List;
import java.util.Map;

/** {@code models.py}: the model messages under their own names ({@code from mattermost_plugin.models import Post}). */
final class ModelsGenerator extends TemplateModuleGenerator {

  ModelsGenerator(SdkResources resources) {
    super(resources);
  }

  @Override
  public String name() {
    return "models";
  }

  @Override
  String path() {
    return "models.py";
  }

  @Override
  String source(SdkContext sdk) {
    return sdk.api().file().path();
  }

  @Override
  List<?> items(SdkContext sdk, PbModules.Imports imports) {
    return ModelTypeView.of(sdk.model(), List.of(sdk.api(), sdk.hooks()), imports);
  }

  @Override
  Map<String, ?> extra(SdkContext sdk, PbModules.Imports imports) {
    return Map.of();
  }
}
