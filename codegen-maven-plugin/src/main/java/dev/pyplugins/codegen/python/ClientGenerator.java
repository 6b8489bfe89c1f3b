package dev.pyplugins.codegen.python;

import java.util.List;
import java.util.Map;

/** {@code client.py}: {@code PluginAPIClient}, one typed method per API RPC. */
final class ClientGenerator extends TemplateModuleGenerator {

  ClientGenerator(SdkResources resources) {
    super(resources);
  }

  @Override
  public String name() {
    return "client";
  }

  @Override
  String path() {
    return "client.py";
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
