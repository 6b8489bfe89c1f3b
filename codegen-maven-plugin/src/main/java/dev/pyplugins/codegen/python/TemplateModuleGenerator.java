package dev.pyplugins.codegen.python;

import dev.pyplugins.codegen.GeneratedFile;
import dev.pyplugins.codegen.OutputRoot;
import java.util.List;
import java.util.Map;

/**
 * A module rendered from one Mustache template: subclasses say which template, where the module goes,
 * which {@code .proto} its header names, and the items and extras of its view; the imports the view
 * needed are collected while it is built.
 */
abstract class TemplateModuleGenerator implements SdkModuleGenerator {

  private final SdkResources resources;

  TemplateModuleGenerator(SdkResources resources) {
    this.resources = resources;
  }

  /** The template, {@code templates/<name>.py.mustache}; also the generator's name. */
  @Override
  public abstract String name();

  /** The module's path inside the package, such as {@code testing/_fake_api.py}. */
  abstract String path();

  /** What the module's header says it is generated from. */
  abstract String source(SdkContext sdk);

  /** The per-RPC (or per-field, per-message) views the template loops over. */
  abstract List<?> items(SdkContext sdk, PbModules.Imports imports);

  /** Template-specific values, under {@code extra}. */
  Map<String, ?> extra(SdkContext sdk, PbModules.Imports imports) {
    return Map.of();
  }

  @Override
  public final List<GeneratedFile> generate(SdkContext sdk) {
    PbModules.Imports imports = sdk.modules().new Imports();
    List<?> items = items(sdk, imports);
    Map<String, ?> extra = extra(sdk, imports);
    int depth = (int) path().chars().filter(c -> c == '/').count();
    ModuleView view = new ModuleView(ModuleView.header(source(sdk)), sdk.packageName(), imports.lines(depth), items,
        extra);
    return List.of(GeneratedFile.text(OutputRoot.PYTHON, sdk.path(path()), resources.render(name(), view)));
  }
}
