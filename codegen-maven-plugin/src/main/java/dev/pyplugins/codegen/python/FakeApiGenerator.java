package dev.pyplugins.codegen.python;

import java.util.List;
import java.util.Map;

/** {@code testing/_fake_api.py}: {@code FakeAPI}, every API method recorded and stubbable. */
final class FakeApiGenerator extends TemplateModuleGenerator {

  FakeApiGenerator(SdkResources resources) {
    super(resources);
  }

  @Override
  public String name() {
    return "fake_api";
  }

  @Override
  String path() {
    return "testing/_fake_api.py";
  }

  @Override
  String source(SdkContext sdk) {
    return sdk.api().file().path();
  }

  @Override
  List<?> items(SdkContext sdk, PbModules.Imports imports) {
    return ApiViews.methods(sdk, imports);
  }

  @Override
  Map<String, ?> extra(SdkContext sdk, PbModules.Imports imports) {
    return ApiViews.extra(sdk, imports);
  }
}
