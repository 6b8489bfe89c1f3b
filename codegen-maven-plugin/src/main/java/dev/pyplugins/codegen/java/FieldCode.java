package dev.pyplugins.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.pyplugins.codegen.model.FieldModel;

/**
 * How a proto field looks in idiomatic Java and how generated code moves it in and out of protoc's message
 * classes. A field whose absence means something (a message, a proto3 {@code optional}, a oneof member)
 * is a nullable reference, {@code null} meaning absent; other scalars are primitives; repeated fields are
 * {@code List}s and maps {@code Map}s. When packing, {@code null} leaves a field unset.
 */
final class FieldCode {

  private final ProtoJavaNames names;

  FieldCode(ProtoJavaNames names) {
    this.names = names;
  }

  /** True when the field tracks presence, so Java shows absence as {@code null}. */
  static boolean hasPresence(FieldModel field) {
    return field.cardinality() == FieldModel.Cardinality.OPTIONAL
        || field.cardinality() == FieldModel.Cardinality.SINGULAR && (field.isMessage() || field.oneof().isPresent());
  }

  /** The Java type of the field as a parameter or result. */
  TypeName javaType(FieldModel field) {
    return switch (field.cardinality()) {
      case MAP -> ParameterizedTypeName.get(JavaTypes.MAP, element(field.mapKey().orElseThrow()).box(),
          element(field.mapValue().orElseThrow()).box());
      case REPEATED -> ParameterizedTypeName.get(JavaTypes.LIST, element(field).box());
      case OPTIONAL -> element(field).box();
      case SINGULAR -> hasPresence(field) ? element(field).box() : element(field);
    };
  }

  /** True when the Java type is a primitive, which can never be null. */
  boolean isPrimitive(FieldModel field) {
    return javaType(field).isPrimitive();
  }

  /** The value of one element of the field (the field itself when single). */
  TypeName element(FieldModel field) {
    return switch (field.kind()) {
      case DOUBLE -> TypeName.DOUBLE;
      case FLOAT -> TypeName.FLOAT;
      case INT32, UINT32, SINT32, FIXED32, SFIXED32 -> TypeName.INT;
      case INT64, UINT64, SINT64, FIXED64, SFIXED64 -> TypeName.LONG;
      case BOOL -> TypeName.BOOLEAN;
      case STRING -> JavaTypes.STRING;
      case BYTES -> JavaTypes.BYTE_STRING;
      case ENUM, MESSAGE -> typeOf(field);
    };
  }

  /** An expression reading the field from {@code message} as its Java value. */
  CodeBlock read(String message, FieldModel field) {
    String base = ProtoJavaNames.accessorBase(field);
    return switch (field.cardinality()) {
      case MAP -> CodeBlock.of("$L.get$LMap()", message, base);
      case REPEATED -> CodeBlock.of("$L.get$LList()", message, base);
      case OPTIONAL, SINGULAR -> hasPresence(field)
          ? CodeBlock.of("$L.has$L() ? $L.get$L() : null", message, base, message, base)
          : CodeBlock.of("$L.get$L()", message, base);
    };
  }

  /** Statements setting the field on {@code builder} from the variable {@code value}; null leaves it unset. */
  CodeBlock write(String builder, FieldModel field, String value) {
    String base = ProtoJavaNames.accessorBase(field);
    String setter = switch (field.cardinality()) {
      case MAP -> "putAll" + base;
      case REPEATED -> "addAll" + base;
      case OPTIONAL, SINGULAR -> "set" + base;
    };
    if (isPrimitive(field)) {
      return CodeBlock.builder().addStatement("$L.$L($L)", builder, setter, value).build();
    }
    return CodeBlock.builder()
        .beginControlFlow("if ($L != null)", value)
        .addStatement("$L.$L($L)", builder, setter, value)
        .endControlFlow()
        .build();
  }

  /** A method reference or call name for the field's getter, such as {@code getBodyChunk}. */
  static String getter(FieldModel field) {
    return "get" + ProtoJavaNames.accessorBase(field);
  }

  /** The name of the field's setter, such as {@code setBodyChunk}. */
  static String setter(FieldModel field) {
    return "set" + ProtoJavaNames.accessorBase(field);
  }

  /** The name of the field's presence check, such as {@code hasResponse}. */
  static String hazzer(FieldModel field) {
    return "has" + ProtoJavaNames.accessorBase(field);
  }

  private ClassName typeOf(FieldModel field) {
    return names.typeOf(field);
  }
}
