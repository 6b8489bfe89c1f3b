package dev.pyplugins.codegen.model;

import java.util.List;

/**
 * An enum type.
 *
 * @param name the simple name
 * @param fullName the fully qualified proto name, without a leading dot
 * @param file the file that declares it
 * @param nestingPath the names of enclosing messages, outermost first
 * @param values the values in declaration order
 * @param doc the leading comment
 */
public record EnumModel(
    String name, String fullName, ProtoFile file, List<String> nestingPath, List<Value> values, Doc doc) {

  public EnumModel {
    nestingPath = List.copyOf(nestingPath);
    values = List.copyOf(values);
  }

  /** One enum constant. */
  public record Value(String name, int number, Doc doc) {}
}
