package dev.pyplugins.codegen.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything generators know about a protocol: its files, messages, enums and services. Built once by
 * {@link ProtocolModelParser}; immutable.
 *
 * @param files every file of the descriptor set, imports included, in dependency order
 * @param messages every message (nested ones and map entries included) by full name
 * @param enums every enum by full name
 * @param services the services of the files to generate, in file order
 */
public record ProtocolModel(
    List<ProtoFile> files,
    Map<String, MessageModel> messages,
    Map<String, EnumModel> enums,
    List<ServiceModel> services) {

  public ProtocolModel {
    files = List.copyOf(files);
    messages = Map.copyOf(messages);
    enums = Map.copyOf(enums);
    services = List.copyOf(services);
  }

  /** The message of that full name; fails if the descriptor set has none, which protoc prevents. */
  public MessageModel message(String fullName) {
    MessageModel message = messages.get(fullName);
    if (message == null) {
      throw new IllegalArgumentException("no message " + fullName + " in the descriptor set");
    }
    return message;
  }

  public EnumModel enumType(String fullName) {
    EnumModel e = enums.get(fullName);
    if (e == null) {
      throw new IllegalArgumentException("no enum " + fullName + " in the descriptor set");
    }
    return e;
  }

  /** Finds a service by full name, or by simple name when that name is unique. */
  public Optional<ServiceModel> service(String name) {
    Optional<ServiceModel> exact = services.stream().filter(s -> s.fullName().equals(name)).findFirst();
    if (exact.isPresent()) {
      return exact;
    }
    List<ServiceModel> bySimpleName = services.stream().filter(s -> s.name().equals(name)).toList();
    return bySimpleName.size() == 1 ? Optional.of(bySimpleName.get(0)) : Optional.empty();
  }

  /** The files the user asked to generate (not the ones only imported). */
  public List<ProtoFile> generatedFiles() {
    return files.stream().filter(ProtoFile::generate).toList();
  }
}
