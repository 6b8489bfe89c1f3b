package dev.pyplugins.codegen.java;

import dev.pyplugins.codegen.Generator;
import java.util.List;

/** Every Java generator, in a fixed order, for the orchestrator to run. */
public final class JavaGenerators {

  private JavaGenerators() {}

  /**
   * PluginApi, its server, its not-supported base, Hooks, HookName, the hooks client, AppErrorException. The
   * gRPC service stubs they call come from grpc-java's own generator, run by protoc.
   */
  public static List<Generator> all() {
    return List.of(InterfaceGenerator.pluginApi(), new PluginApiServerGenerator(), new UnsupportedApiGenerator(),
        InterfaceGenerator.hooks(), new HookNameGenerator(), new HooksClientGenerator(),
        new AppErrorExceptionGenerator());
  }
}
