package dev.pyplugins.codegen.model;

import java.util.List;
import java.util.Optional;

/**
 * One {@code .proto} file of the descriptor set, with the options generators need to name what protoc
 * generates from it.
 *
 * @param path the import path, such as {@code mattermost/pluginapi/v1/common.proto}
 * @param protoPackage the proto package, possibly empty
 * @param javaPackage the {@code java_package} option, if set
 * @param javaOuterClassname the {@code java_outer_classname} option, if set
 * @param javaMultipleFiles the {@code java_multiple_files} option
 * @param dependencies import paths this file imports
 * @param generate true for files the user asked to generate, false for files only imported (such as
 *     {@code google/protobuf/struct.proto})
 */
public record ProtoFile(
    String path,
    String protoPackage,
    Optional<String> javaPackage,
    Optional<String> javaOuterClassname,
    boolean javaMultipleFiles,
    List<String> dependencies,
    boolean generate) {

  public ProtoFile {
    dependencies = List.copyOf(dependencies);
  }

  /** The file name without directories and without {@code .proto}. */
  public String baseName() {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.endsWith(".proto") ? name.substring(0, name.length() - ".proto".length()) : name;
  }
}
