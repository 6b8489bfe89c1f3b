package dev.pyplugins.codegen.python;

import dev.pyplugins.codegen.GeneratedFile;
import dev.pyplugins.codegen.GenerationOptions;
import dev.pyplugins.codegen.OutputRoot;
import dev.pyplugins.codegen.TestProtocols;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The SDK generated from the project's full protocol, written under {@code target/python-sdk}. */
final class GeneratedSdk {

  static final Path ROOT = Path.of("target/python-sdk");
  private static List<GeneratedFile> files;

  private GeneratedSdk() {}

  static synchronized List<GeneratedFile> files() {
    if (files == null) {
      files = new PythonSdkGenerator().generate(TestProtocols.fullProtocol().context(GenerationOptions.defaults()));
    }
    return files;
  }

  /** Writes the package under {@code target/python-sdk/src} and the wheel under {@code target/python-sdk/dist}. */
  static synchronized Path wheel() {
    try {
      for (GeneratedFile f : files()) {
        Path target = ROOT.resolve(f.root() == OutputRoot.WHEEL ? "dist" : "src").resolve(f.path());
        Files.createDirectories(target.getParent());
        Files.write(target, f.content());
      }
      return files().stream().filter(f -> f.root() == OutputRoot.WHEEL).map(f -> ROOT.resolve("dist").resolve(f.path()))
          .findFirst().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
