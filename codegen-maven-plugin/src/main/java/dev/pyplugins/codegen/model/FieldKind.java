package dev.pyplugins.codegen.model;

/** The value kind of a field, after protobuf's scalar types. */
public enum FieldKind {
  DOUBLE,
  FLOAT,
  INT32,
  INT64,
  UINT32,
  UINT64,
  SINT32,
  SINT64,
  FIXED32,
  FIXED64,
  SFIXED32,
  SFIXED64,
  BOOL,
  STRING,
  BYTES,
  ENUM,
  MESSAGE;

  /** True for the kinds that are 64-bit integers on the wire. */
  public boolean isLong() {
    return switch (this) {
      case INT64, UINT64, SINT64, FIXED64, SFIXED64 -> true;
      default -> false;
    };
  }

  /** True for the kinds that are 32-bit integers on the wire. */
  public boolean isInt() {
    return switch (this) {
      case INT32, UINT32, SINT32, FIXED32, SFIXED32 -> true;
      default -> false;
    };
  }
}
