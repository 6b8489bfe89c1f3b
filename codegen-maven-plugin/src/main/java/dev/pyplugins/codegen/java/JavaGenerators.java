package dev.pyplugins.codegen.java;

import dev.pyplugins.codegen.Generator;
import java.util.List;

/** Every Java generator, in a fixed order, for the orchestrator to run. */
public final class JavaGenerators {

  private JavaGenerators() {}

  /** gRPC bindings, PluginApi, its server, its not-supported base, Hooks, its client, AppErrorException. */
  public static List<Generator> all() {
    return List.of(new GrpcBindingsGenerator(), InterfaceGenerator.pluginApi(), new PluginApiServerGenerator(),
        new UnsupportedApiGenerator(),
        InterfaceGenerator.hooks(), new HooksClientGenerator(), new AppErrorExceptionGenerator());
  }
}
