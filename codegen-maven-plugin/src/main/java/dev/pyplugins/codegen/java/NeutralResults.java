package dev.pyplugins.codegen.java;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.pyplugins.codegen.model.FieldModel;
import dev.pyplugins.codegen.model.ProtocolModel;
import java.util.Optional;

/**
 * What the hooks client returns for a hook it does not call (the plugin lacks it) or that failed open: the
 * value that leaves things unchanged. Nothing for void hooks, the empty response for hooks answering with
 * their response message (no replacement, no rejection), and for a single result its type's neutral
 * value ({@code null}, {@code ""}, {@code false}, {@code 0}, an empty list or map). A hook that passes a
 * value through (a result with the name and type of a parameter, as MessagesWillBeConsumed's posts)
 * returns that parameter unchanged.
 */
final class NeutralResults {

  private final ProtocolModel model;
  private final FieldCode fields;

  NeutralResults(ProtocolModel model, FieldCode fields) {
    this.model = model;
    this.fields = fields;
  }

  /** A {@code return ...;} statement with the neutral result of the hook. */
  CodeBlock returnStatement(JavaRpc rpc) {
    return switch (rpc.resultKind()) {
      case VOID -> CodeBlock.builder().addStatement("return").build();
      case MESSAGE -> CodeBlock.builder().addStatement("return $T.getDefaultInstance()", rpc.responseClass()).build();
      case SINGLE -> CodeBlock.builder().addStatement("return $L", singleValue(rpc)).build();
    };
  }

  private CodeBlock singleValue(JavaRpc rpc) {
    FieldModel result = rpc.singleResult().orElseThrow();
    Optional<JavaRpc.Param> passedThrough = rpc.parameters().stream()
        .filter(p -> p.field().name().equals(result.name()) && p.type().equals(fields.javaType(result)))
        .findFirst();
    if (passedThrough.isPresent()) {
      return CodeBlock.of("$L", passedThrough.get().name());
    }
    TypeName type = fields.javaType(result);
    if (result.isMap()) {
      return CodeBlock.of("$T.of()", JavaTypes.MAP);
    }
    if (result.isRepeated()) {
      return CodeBlock.of("$T.of()", JavaTypes.LIST);
    }
    if (!type.isPrimitive() && FieldCode.hasPresence(result)) {
      return CodeBlock.of("null");
    }
    return switch (result.kind()) {
      case STRING -> CodeBlock.of("$S", "");
      case BYTES -> CodeBlock.of("$T.EMPTY", JavaTypes.BYTE_STRING);
      case BOOL -> CodeBlock.of("false");
      case INT64, UINT64, SINT64, FIXED64, SFIXED64 -> CodeBlock.of("0L");
      case FLOAT -> CodeBlock.of("0f");
      case DOUBLE -> CodeBlock.of("0d");
      case ENUM -> CodeBlock.of("$T.$L", fields.element(result),
          model.enumType(result.typeName().orElseThrow()).values().get(0).name());
      case INT32, UINT32, SINT32, FIXED32, SFIXED32 -> CodeBlock.of("0");
      case MESSAGE -> CodeBlock.of("null");
    };
  }
}
