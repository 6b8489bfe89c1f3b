package dev.pyplugins.codegen.python;

import java.util.List;
import java.util.Map;

/** {@code errors.py}: the {@code PluginAPIError} hierarchy, with one attribute per field of the AppError message. */
final class ErrorsGenerator extends TemplateModuleGenerator {

  ErrorsGenerator(SdkResources resources) {
    super(resources);
  }

  @Override
  public String name() {
    return "errors";
  }

  @Override
  String path() {
    return "errors.py";
  }

  @Override
  String source(SdkContext sdk) {
    return sdk.appError().file().path();
  }

  @Override
  List<?> items(SdkContext sdk, PbModules.Imports imports) {
    return ErrorFieldView.of(sdk.appError(), imports);
  }

  @Override
  Map<String, ?> extra(SdkContext sdk, PbModules.Imports imports) {
    return Map.of("aliases", ErrorFieldView.aliases(sdk.appError()));
  }
}
