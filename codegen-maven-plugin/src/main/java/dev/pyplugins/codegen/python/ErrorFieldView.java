package dev.pyplugins.codegen.python;

import dev.pyplugins.codegen.model.FieldModel;
import dev.pyplugins.codegen.model.MessageModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One field of the protocol's AppError message as the generated exception carries it.
 *
 * @param name the attribute and keyword name
 * @param parameterType the keyword parameter's annotation
 * @param defaultValue the keyword's default
 * @param type the attribute's annotation
 * @param assignedValue the attribute's value, from the keyword
 * @param fromProto the expression reading it from {@code message}
 * @param toProto the statement writing it into {@code target}
 * @param doc the field's comment, one line
 */
record ErrorFieldView(String name, String parameterType, String defaultValue, String type, String assignedValue,
    String fromProto, String toProto, String doc) {

  static final String STRUCT = "google.protobuf.Struct";

  /**
   * Other keyword names of a field, under which Mattermost's SDK knows it: {@code error_id} for {@code id}.
   *
   * @param alias the other name (a keyword argument and a read-only property)
   * @param name the field
   * @param type the field's Python type
   */
  record Alias(String alias, String name, String type) {}

  private static final Map<String, String> ALIASES = Map.of("id", "error_id");

  static List<ErrorFieldView> of(MessageModel appError, PbModules.Imports imports) {
    PythonTypes types = new PythonTypes(imports);
    List<ErrorFieldView> out = new ArrayList<>();
    for (FieldModel f : appError.fields()) {
      if (f.name().equals("message")) {
        continue;
      }
      String doc = PythonNames.escape(f.doc().summary());
      if (f.isMessage() && f.typeName().orElse("").equals(STRUCT) && f.cardinality() == FieldModel.Cardinality.SINGULAR) {
        out.add(new ErrorFieldView(f.name(), "_Mapping[str, _Any] | None", "None", "dict[str, _Any]",
            "dict(" + f.name() + " or {})", "_struct_to_dict(message." + f.name() + ")",
            "_dict_to_struct(self." + f.name() + ", target." + f.name() + ")", doc));
      } else if (f.cardinality() == FieldModel.Cardinality.SINGULAR && !f.isMessage()) {
        String type = types.element(f);
        out.add(new ErrorFieldView(f.name(), type, zero(type), type, f.name(), "message." + f.name(),
            "target." + f.name() + " = self." + f.name(), doc));
      } else {
        throw new IllegalArgumentException("AppError field " + f.name() + " has a shape the Python SDK does not carry "
            + "(only scalars and google.protobuf.Struct are supported)");
      }
    }
    return out;
  }

  /** The aliases of the AppError's scalar fields that have one. */
  static List<Alias> aliases(MessageModel appError) {
    List<Alias> out = new ArrayList<>();
    for (FieldModel f : appError.fields()) {
      String alias = ALIASES.get(f.name());
      if (alias != null && !f.isMessage() && f.cardinality() == FieldModel.Cardinality.SINGULAR
          && appError.field(alias).isEmpty()) {
        out.add(new Alias(alias, f.name(), f.kind() == dev.pyplugins.codegen.model.FieldKind.STRING ? "str" : "int"));
      }
    }
    return out;
  }

  private static String zero(String type) {
    return switch (type) {
      case "str" -> "\"\"";
      case "bool" -> "False";
      case "float" -> "0.0";
      case "bytes" -> "b\"\"";
      default -> "0";
    };
  }
}
