package dev.pyplugins.codegen.java;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.TypeSpec;
import dev.pyplugins.codegen.model.FieldModel;
import dev.pyplugins.codegen.model.MessageModel;
import dev.pyplugins.codegen.model.MethodModel;
import dev.pyplugins.codegen.model.ProtocolModel;
import dev.pyplugins.codegen.model.ServiceModel;

/**
 * Deprecation in generated code. protoc marks deprecated messages and field accessors {@code @Deprecated};
 * generated code that must use them suppresses the warning, but only when the service touches something
 * deprecated, so a clean protocol gives clean code.
 */
final class Deprecations {

  private Deprecations() {}

  /** Adds {@code @SuppressWarnings("deprecation")} when the service's RPCs use anything deprecated. */
  static void suppressIfNeeded(TypeSpec.Builder type, ProtocolModel model, ServiceModel service) {
    if (touchesDeprecated(model, service)) {
      type.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "deprecation").build());
    }
  }

  static boolean touchesDeprecated(ProtocolModel model, ServiceModel service) {
    return service.deprecated() || service.methods().stream().anyMatch(m -> touchesDeprecated(model, m));
  }

  private static boolean touchesDeprecated(ProtocolModel model, MethodModel method) {
    return method.deprecated() || touchesDeprecated(model, method.input()) || touchesDeprecated(model, method.output());
  }

  private static boolean touchesDeprecated(ProtocolModel model, MessageModel message) {
    return message.deprecated() || message.fields().stream().anyMatch(f -> f.deprecated() || typeDeprecated(model, f));
  }

  private static boolean typeDeprecated(ProtocolModel model, FieldModel field) {
    FieldModel valueField = field.mapValue().orElse(field);
    return valueField.isMessage() && model.message(valueField.typeName().orElseThrow()).deprecated();
  }
}
