package dev.pyplugins.codegen.python;

import java.util.List;
import java.util.Map;

/** {@code _version.py}: {@code __version__}, the version of the wheel the SDK is built into. */
final class VersionGenerator extends TemplateModuleGenerator {

  VersionGenerator(SdkResources resources) {
    super(resources);
  }

  @Override
  public String name() {
    return "version";
  }

  @Override
  String path() {
    return "_version.py";
  }

  @Override
  String source(SdkContext sdk) {
    return "the build's Python options (" + sdk.options().distributionName() + " " + sdk.options().version() + ")";
  }

  @Override
  List<?> items(SdkContext sdk, PbModules.Imports imports) {
    return List.of();
  }

  @Override
  Map<String, ?> extra(SdkContext sdk, PbModules.Imports imports) {
    return Map.of("version", sdk.options().version(), "distribution", sdk.options().distributionName());
  }
}
