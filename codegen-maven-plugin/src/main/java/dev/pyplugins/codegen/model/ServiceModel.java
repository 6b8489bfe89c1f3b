package dev.pyplugins.codegen.model;

import java.util.List;
import java.util.Optional;

/**
 * A gRPC service.
 *
 * @param name the simple name, such as {@code PluginAPI}
 * @param fullName the fully qualified name, such as {@code mattermost.pluginapi.v1.PluginAPI}
 * @param file the file that declares it
 * @param methods the RPCs in declaration order
 * @param deprecated the {@code deprecated} option
 * @param doc the leading comment
 */
public record ServiceModel(
    String name, String fullName, ProtoFile file, List<MethodModel> methods, boolean deprecated, Doc doc) {

  public ServiceModel {
    methods = List.copyOf(methods);
  }

  public Optional<MethodModel> method(String methodName) {
    return methods.stream().filter(m -> m.name().equals(methodName)).findFirst();
  }
}
