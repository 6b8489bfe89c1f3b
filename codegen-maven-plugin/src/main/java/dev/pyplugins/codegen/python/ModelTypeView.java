package dev.pyplugins.codegen.python;

import dev.pyplugins.codegen.model.MessageModel;
import dev.pyplugins.codegen.model.MethodModel;
import dev.pyplugins.codegen.model.ProtocolModel;
import dev.pyplugins.codegen.model.ServiceModel;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A model message re-exported by the generated {@code models} module, so plugin authors write
 * {@code from mattermost_plugin.models import Post}.
 *
 * @param name the class name
 * @param reference the relocated class it names
 */
record ModelTypeView(String name, String reference) {

  /**
   * The top-level messages of the services' package that are not an RPC's request or response, sorted
   * by name; a name two files declare is skipped rather than exported ambiguously.
   */
  static List<ModelTypeView> of(ProtocolModel model, List<ServiceModel> services, PbModules.Imports imports) {
    Set<String> rpcMessages = new HashSet<>();
    Set<String> packages = new HashSet<>();
    for (ServiceModel service : services) {
      packages.add(service.file().protoPackage());
      for (MethodModel m : service.methods()) {
        rpcMessages.add(m.input().fullName());
        rpcMessages.add(m.output().fullName());
      }
    }
    List<MessageModel> candidates = model.messages().values().stream()
        .filter(m -> m.nestingPath().isEmpty() && !m.mapEntry() && m.file().generate())
        .filter(m -> packages.contains(m.file().protoPackage()) && !rpcMessages.contains(m.fullName()))
        .sorted(Comparator.comparing(MessageModel::name).thenComparing(MessageModel::fullName))
        .toList();
    Set<String> seen = new HashSet<>();
    Set<String> duplicated = new HashSet<>();
    candidates.forEach(m -> {
      if (!seen.add(m.name())) {
        duplicated.add(m.name());
      }
    });
    return candidates.stream().filter(m -> !duplicated.contains(m.name()))
        .map(m -> new ModelTypeView(m.name(), imports.message(m.fullName()))).toList();
  }
}
