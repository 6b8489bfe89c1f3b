package dev.pyplugins.codegen.java;

import dev.pyplugins.codegen.GeneratedFile;
import dev.pyplugins.codegen.GenerationOptions;
import dev.pyplugins.codegen.Generator;
import dev.pyplugins.codegen.TestProtocols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs every Java generator on a test protocol. */
final class GeneratedJava {

  private GeneratedJava() {}

  /** All Java files for the protocol, sorted by path. */
  static List<GeneratedFile> generate(TestProtocols.Compiled protocol, GenerationOptions options) {
    List<GeneratedFile> files = new ArrayList<>();
    for (Generator generator : JavaGenerators.all()) {
      files.addAll(generator.generate(protocol.context(options)));
    }
    files.sort(Comparator.comparing(GeneratedFile::path));
    return files;
  }
}
