package dev.pyplugins.codegen.python;

import java.util.List;
import java.util.Map;

/** {@code async_client.py}: {@code AsyncPluginAPIClient}, one coroutine per API RPC. */
final class AsyncClientGenerator extends TemplateModuleGenerator {

  AsyncClientGenerator(SdkResources resources) {
    super(resources);
  }

  @Override
  public String name() {
    return "async_client";
  }

  @Override
  String path() {
    return "async_client.py";
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
