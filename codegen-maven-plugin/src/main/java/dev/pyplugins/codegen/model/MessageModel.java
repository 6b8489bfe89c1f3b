package dev.pyplugins.codegen.model;

import java.util.List;
import java.util.Optional;

/**
 * A message type.
 *
 * @param name the simple name
 * @param fullName the fully qualified proto name, without a leading dot
 * @param file the file that declares it
 * @param nestingPath the names of enclosing messages, outermost first; empty for top-level messages
 * @param fields the fields in declaration order
 * @param mapEntry true for the synthetic entry type protoc makes for a {@code map<K, V>} field
 * @param deprecated the {@code deprecated} option
 * @param doc the leading comment
 */
public record MessageModel(
    String name,
    String fullName,
    ProtoFile file,
    List<String> nestingPath,
    List<FieldModel> fields,
    boolean mapEntry,
    boolean deprecated,
    Doc doc) {

  public MessageModel {
    nestingPath = List.copyOf(nestingPath);
    fields = List.copyOf(fields);
  }

  public Optional<FieldModel> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }
}
