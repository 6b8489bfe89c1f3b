package dev.pyplugins.codegen.model;

import java.util.Optional;

/**
 * One field of a message.
 *
 * @param name the field name as written in the {@code .proto} (snake_case by convention)
 * @param number the field number
 * @param kind the scalar kind, or {@link FieldKind#MESSAGE} / {@link FieldKind#ENUM}
 * @param cardinality single, optional (explicit presence), repeated or map
 * @param typeName for messages and enums, the fully qualified proto name without the leading dot
 * @param mapKey for maps, the key field of the map entry
 * @param mapValue for maps, the value field of the map entry
 * @param oneof the name of the real (non-synthetic) oneof this field belongs to, if any
 * @param deprecated the {@code deprecated} option
 * @param doc the leading comment
 */
public record FieldModel(
    String name,
    int number,
    FieldKind kind,
    Cardinality cardinality,
    Optional<String> typeName,
    Optional<FieldModel> mapKey,
    Optional<FieldModel> mapValue,
    Optional<String> oneof,
    boolean deprecated,
    Doc doc) {

  /** How many values a field holds. */
  public enum Cardinality {
    /** Exactly one value; scalars have no presence. */
    SINGULAR,
    /** A proto3 {@code optional} scalar: presence is tracked. */
    OPTIONAL,
    /** A list of values. */
    REPEATED,
    /** A {@code map<K, V>}. */
    MAP
  }

  public boolean isRepeated() {
    return cardinality == Cardinality.REPEATED;
  }

  public boolean isMap() {
    return cardinality == Cardinality.MAP;
  }

  public boolean isMessage() {
    return kind == FieldKind.MESSAGE;
  }

  /** The message or enum type's simple name, if this field has one. */
  public Optional<String> simpleTypeName() {
    return typeName.map(t -> t.substring(t.lastIndexOf('.') + 1));
  }

  /** True for a single field of the given message simple name, as in {@code AppError error = 1}. */
  public boolean isSingleMessageOf(String simpleName) {
    return cardinality == Cardinality.SINGULAR && isMessage() && simpleTypeName().orElse("").equals(simpleName);
  }
}
