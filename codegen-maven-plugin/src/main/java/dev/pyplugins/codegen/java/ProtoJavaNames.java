package dev.pyplugins.codegen.java;

import com.palantir.javapoet.ClassName;
import dev.pyplugins.codegen.model.EnumModel;
import dev.pyplugins.codegen.model.FieldModel;
import dev.pyplugins.codegen.model.MessageModel;
import dev.pyplugins.codegen.model.ProtoFile;
import dev.pyplugins.codegen.model.ProtocolModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The names protoc's Java generator gives to what it emits for a file: classes of messages and enums, the
 * outer class, field accessors. Generated code must match them exactly, so these follow protoc's rules
 * (java_package, java_multiple_files, java_outer_classname, and its camel-casing of names).
 */
final class ProtoJavaNames {

  /** Accessor names protoc suffixes with "_" because they would clash with methods every message has. */
  private static final Set<String> RESERVED_ACCESSORS = Set.of("Class", "DefaultInstanceForType", "ParserForType",
      "SerializedSize", "AllFields", "DescriptorForType", "InitializationErrorString", "UnknownFields", "CachedSize");

  private final ProtocolModel model;

  ProtoJavaNames(ProtocolModel model) {
    this.model = model;
  }

  /** The Java package protoc uses for a file: java_package, else the proto package. */
  static String javaPackage(ProtoFile file) {
    return file.javaPackage().orElse(file.protoPackage());
  }

  /** The class of a message. */
  ClassName messageClass(MessageModel message) {
    return classOf(message.file(), message.nestingPath(), message.name());
  }

  /** The class of a message, by its full proto name. */
  ClassName messageClass(String fullName) {
    return messageClass(model.message(fullName));
  }

  /** The class of an enum. */
  ClassName enumClass(EnumModel enumModel) {
    return classOf(enumModel.file(), enumModel.nestingPath(), enumModel.name());
  }

  /** The class of a message or enum field's type. */
  ClassName typeOf(FieldModel field) {
    String typeName = field.typeName().orElseThrow(() -> new IllegalArgumentException(
        "field " + field.name() + " has no message or enum type"));
    return field.kind() == dev.pyplugins.codegen.model.FieldKind.ENUM
        ? enumClass(model.enumType(typeName))
        : messageClass(typeName);
  }

  /** The top-level classes protoc writes for a file, by simple name: its outer class and, with multiple files, its types. */
  List<String> topLevelClassNames(ProtoFile file) {
    List<String> names = new ArrayList<>();
    names.add(outerClassName(file));
    if (file.javaMultipleFiles()) {
      topLevelTypeNames(file).forEach(names::add);
    }
    return names;
  }

  /**
   * The capitalised base of a field's accessors: {@code user_id} gives {@code UserId} as in
   * {@code getUserId()}; names that would clash with every message's own methods get a trailing "_".
   */
  static String accessorBase(FieldModel field) {
    String base = camelCase(field.name(), true);
    return RESERVED_ACCESSORS.contains(base) ? base + "_" : base;
  }

  /** protoc's camel-casing: letters after "_" or a digit are capitalised, other non-alphanumerics dropped. */
  static String camelCase(String name, boolean capitaliseFirst) {
    StringBuilder out = new StringBuilder(name.length());
    boolean capitaliseNext = capitaliseFirst;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 'a' && c <= 'z') {
        out.append(capitaliseNext ? (char) (c - 'a' + 'A') : c);
        capitaliseNext = false;
      } else if (c >= 'A' && c <= 'Z') {
        out.append(i == 0 && !capitaliseNext ? (char) (c - 'A' + 'a') : c);
        capitaliseNext = false;
      } else if (c >= '0' && c <= '9') {
        out.append(c);
        capitaliseNext = true;
      } else {
        capitaliseNext = true;
      }
    }
    return out.toString();
  }

  private ClassName classOf(ProtoFile file, List<String> nesting, String name) {
    List<String> names = new ArrayList<>();
    if (!file.javaMultipleFiles()) {
      names.add(outerClassName(file));
    }
    names.addAll(nesting);
    names.add(name);
    return ClassName.get(javaPackage(file), names.get(0), names.subList(1, names.size()).toArray(String[]::new));
  }

  /** java_outer_classname, else the camel-cased file name, with "OuterClass" when a type already has that name. */
  String outerClassName(ProtoFile file) {
    if (file.javaOuterClassname().isPresent()) {
      return file.javaOuterClassname().get();
    }
    String derived = camelCase(file.baseName(), true);
    boolean clashes = Stream.concat(topLevelTypeNames(file),
        model.services().stream().filter(s -> s.file().path().equals(file.path())).map(s -> s.name()))
        .anyMatch(derived::equals);
    return clashes ? derived + "OuterClass" : derived;
  }

  private Stream<String> topLevelTypeNames(ProtoFile file) {
    return Stream.concat(
        model.messages().values().stream().filter(m -> m.file().path().equals(file.path()) && m.nestingPath().isEmpty())
            .map(MessageModel::name),
        model.enums().values().stream().filter(e -> e.file().path().equals(file.path()) && e.nestingPath().isEmpty())
            .map(EnumModel::name));
  }
}
