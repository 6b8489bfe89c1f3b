package dev.pyplugins.codegen.python;

import dev.pyplugins.codegen.GeneratedFile;
import dev.pyplugins.codegen.OutputRoot;
import java.util.ArrayList;
import java.util.List;

/**
 * The SDK's handwritten core ({@code Plugin}, {@code hook}, the server, the dispatch runtime, the clients'
 * base, {@code testing}, the command line), copied as it is from the templates jar; it uses relative
 * imports only, so it works under any package name.
 */
final class CoreGenerator implements SdkModuleGenerator {

  private final SdkResources resources;

  CoreGenerator(SdkResources resources) {
    this.resources = resources;
  }

  @Override
  public String name() {
    return "core";
  }

  @Override
  public List<GeneratedFile> generate(SdkContext sdk) {
    List<GeneratedFile> files = new ArrayList<>();
    resources.coreFiles().forEach((path, bytes) ->
        files.add(new GeneratedFile(OutputRoot.PYTHON, sdk.path(path), bytes)));
    return files;
  }
}
