package dev.pyplugins.codegen.python;

import dev.pyplugins.codegen.model.FieldKind;
import dev.pyplugins.codegen.model.FieldModel;
import dev.pyplugins.codegen.model.RpcSignature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code _HookSpec(...)} literal of a hook: which response fields a handler's return value fills, the
 * error field, and what a failure becomes. The rule, decided once for every hook (docs/python-sdk.md,
 * "Will" hooks):
 *
 * <ul>
 *   <li>a hook with a {@code string rejection_reason} result rejects when its handler fails;
 *   <li>otherwise, a list result with a request field of the same name and type (MessagesWillBeConsumed's
 *       posts) is handed back unchanged when the handler returns None or fails;
 *   <li>any other hook answers a failure with its AppError.
 * </ul>
 */
final class HookSpecCode {

  /** The result field a filter hook rejects through. */
  static final String REJECTION = "rejection_reason";
  /** The flag of a body filter's verdict that says the handler wrote a new body. */
  static final String REPLACED = "replaced";

  private HookSpecCode() {}

  static String unary(RpcSignature signature, PythonTypes types) {
    List<FieldModel> results = signature.results();
    Optional<String> rejection = rejection(results);
    List<String> keep = new ArrayList<>();
    if (rejection.isEmpty()) {
      for (FieldModel result : results) {
        signature.method().input().field(result.name())
            .filter(p -> result.isRepeated() && p.isRepeated() && p.typeName().equals(result.typeName()))
            .ifPresent(p -> keep.add(result.name()));
      }
    }
    return literal(signature, results, rejection, keep, types);
  }

  /** The spec of a body filter's verdict: its fields but the replaced flag. */
  static String filter(RpcSignature signature, List<FieldModel> verdict, PythonTypes types) {
    String replaced = replacedField(verdict);
    List<FieldModel> results = verdict.stream().filter(f -> !f.name().equals(replaced)).toList();
    return literal(signature, results, rejection(results), List.of(), types);
  }

  /** The verdict's {@code bool replaced} field, or empty. */
  static String replacedField(List<FieldModel> verdict) {
    return verdict.stream().filter(f -> f.name().equals(REPLACED) && f.kind() == FieldKind.BOOL
        && f.cardinality() == FieldModel.Cardinality.SINGULAR).findFirst().map(FieldModel::name).orElse("");
  }

  private static Optional<String> rejection(List<FieldModel> results) {
    return results.stream().filter(f -> f.name().equals(REJECTION) && f.kind() == FieldKind.STRING
        && f.cardinality() == FieldModel.Cardinality.SINGULAR).findFirst().map(FieldModel::name);
  }

  private static String literal(RpcSignature signature, List<FieldModel> results, Optional<String> rejection,
      List<String> keep, PythonTypes types) {
    List<String> fields = new ArrayList<>();
    for (FieldModel f : results) {
      String type = f.isMap() ? "dict" : f.kind() == FieldKind.ENUM ? "int" : types.element(f);
      fields.add("_ResultField(" + PythonNames.literal(f.name()) + ", " + PythonNames.literal(PythonTypes.resultKind(f))
          + ", " + type + ")");
    }
    StringBuilder out = new StringBuilder("_HookSpec(").append(PythonNames.literal(signature.method().name()))
        .append(", (").append(String.join(", ", fields)).append(fields.size() == 1 ? ",)" : ")");
    signature.error().ifPresent(e -> out.append(", error=").append(PythonNames.literal(e.name())));
    rejection.ifPresent(r -> out.append(", rejection=").append(PythonNames.literal(r)));
    if (!keep.isEmpty()) {
      out.append(", keep=(").append(String.join(", ", keep.stream().map(PythonNames::literal).toList()))
          .append(keep.size() == 1 ? ",)" : ")");
    }
    return out.append(")").toString();
  }
}
