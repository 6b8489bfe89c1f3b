package dev.pyplugins.codegen.python;

import dev.pyplugins.codegen.model.FieldModel;

/**
 * Python type strings and value expressions for proto fields, as generated signatures use them:
 * parameters accept the broad read-only types ({@code Sequence}, {@code Mapping}), returns give plain
 * {@code list} and {@code dict} copies, proto3 {@code optional} fields are {@code X | None}.
 */
final class PythonTypes {

  private final PbModules.Imports imports;

  PythonTypes(PbModules.Imports imports) {
    this.imports = imports;
  }

  /** The type of one value of the field (an element, for repeated fields). */
  String element(FieldModel field) {
    return switch (field.kind()) {
      case DOUBLE, FLOAT -> "float";
      case INT32, INT64, UINT32, UINT64, SINT32, SINT64, FIXED32, FIXED64, SFIXED32, SFIXED64 -> "int";
      case BOOL -> "bool";
      case STRING -> "str";
      case BYTES -> "bytes";
      case ENUM -> imports.enumType(field.typeName().orElseThrow());
      case MESSAGE -> imports.message(field.typeName().orElseThrow());
    };
  }

  String parameter(FieldModel field) {
    return switch (field.cardinality()) {
      case REPEATED -> "_Sequence[" + element(field) + "]";
      case MAP -> "_Mapping[" + element(field.mapKey().orElseThrow()) + ", "
          + element(field.mapValue().orElseThrow()) + "]";
      case OPTIONAL -> element(field) + " | None";
      case SINGULAR -> element(field);
    };
  }

  String result(FieldModel field) {
    return switch (field.cardinality()) {
      case REPEATED -> "list[" + element(field) + "]";
      case MAP -> "dict[" + element(field.mapKey().orElseThrow()) + ", "
          + element(field.mapValue().orElseThrow()) + "]";
      case OPTIONAL -> element(field) + " | None";
      case SINGULAR -> element(field);
    };
  }

  /** The expression reading the field from {@code message} as {@link #result} types it. */
  static String read(FieldModel field, String message) {
    String attr = attribute(field, message);
    return switch (field.cardinality()) {
      case REPEATED -> "list(" + attr + ")";
      case MAP -> "dict(" + attr + ")";
      case OPTIONAL -> "(" + attr + " if " + message + ".HasField(" + PythonNames.literal(field.name()) + ") else None)";
      case SINGULAR -> attr;
    };
  }

  /** Attribute access that works for field names that are Python keywords. */
  static String attribute(FieldModel field, String message) {
    return PythonNames.isReserved(field.name()) && !field.name().equals("self") && !field.name().equals("body")
        ? "getattr(" + message + ", " + PythonNames.literal(field.name()) + ")"
        : message + "." + field.name();
  }

  /** How the runtime's result converter must treat the field: "message", "scalar", "repeated", "map". */
  static String resultKind(FieldModel field) {
    return switch (field.cardinality()) {
      case REPEATED -> "repeated";
      case MAP -> "map";
      default -> field.isMessage() ? "message" : "scalar";
    };
  }
}
