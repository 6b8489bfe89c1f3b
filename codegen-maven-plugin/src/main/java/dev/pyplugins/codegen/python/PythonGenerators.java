package dev.pyplugins.codegen.python;

import java.util.List;

/** The SDK's outputs, one generator each, in the order they run. */
final class PythonGenerators {

  private PythonGenerators() {}

  /** The copied core, protoc's relocated modules, then one generator per template. */
  static List<SdkModuleGenerator> all(SdkResources resources) {
    return List.of(
        new CoreGenerator(resources),
        new ProtocModulesGenerator(),
        new ClientGenerator(resources),
        new AsyncClientGenerator(resources),
        new FakeApiGenerator(resources),
        new HookNamesGenerator(resources),
        new HookDispatchGenerator(resources),
        new HookCallerGenerator(resources),
        new ErrorsGenerator(resources),
        new ModelsGenerator(resources),
        new VersionGenerator(resources));
  }
}
