package dev.pyplugins.codegen;

import java.util.List;

/**
 * One kind of output, as a pure function of the protocol: no file system access, no clocks, no
 * environment. The same input always gives byte-identical files.
 */
public interface Generator {

  /** A short name for logs and errors, such as "java-plugin-api". */
  String name();

  List<GeneratedFile> generate(GenerationContext context);
}
