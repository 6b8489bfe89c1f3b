package dev.pyplugins.codegen;

import dev.pyplugins.codegen.model.MethodModel;
import dev.pyplugins.codegen.model.ServiceModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Small generators for orchestration tests, standing in for the real Java and Python ones. */
final class TestGenerators {

  private TestGenerators() {}

  /** A Java file listing the services and the options it was given. */
  static Generator serviceListing() {
    return new Named("test-service-listing", context -> {
      StringBuilder text = new StringBuilder("// generated from ")
          .append(context.model().services().get(0).file().path()).append(", do not edit\n")
          .append("package pyplugins.test;\n\n/**\n");
      for (ServiceModel service : context.model().services()) {
        text.append(" * ").append(service.fullName()).append(": ")
            .append(service.methods().stream().map(MethodModel::name).collect(Collectors.joining(", ")))
            .append('\n');
      }
      text.append(" * api=").append(context.options().apiService()).append(" hooks=")
          .append(context.options().hooksService()).append('\n')
          .append(" */\nfinal class ServiceListing {}\n");
      return List.of(GeneratedFile.text(OutputRoot.JAVA, "pyplugins/test/ServiceListing.java", text.toString()));
    });
  }

  /** protoc's Python modules under a package in the PYTHON root, and their listing in the WHEEL root. */
  static Generator pythonPackage() {
    return new Named("test-python-package", context -> {
      Map<String, byte[]> sorted = new TreeMap<>(context.protocPythonOutput());
      List<GeneratedFile> files = new ArrayList<>();
      sorted.forEach((path, bytes) -> files.add(new GeneratedFile(OutputRoot.PYTHON,
          context.options().python().packageName() + "/" + path, bytes)));
      files.add(GeneratedFile.text(OutputRoot.WHEEL, "listing.txt", String.join("\n", sorted.keySet()) + "\n"));
      return files;
    });
  }

  /** Records the context it gets and generates nothing. */
  static Generator recording(List<GenerationContext> seen) {
    return new Named("test-recording", context -> {
      seen.add(context);
      return List.of();
    });
  }

  /** A generator with a bug. */
  static Generator failing() {
    return new Named("test-failing", context -> {
      throw new IllegalStateException("boom");
    });
  }

  /** A generator that writes one fixed file. */
  static Generator writing(OutputRoot root, String path) {
    return new Named("test-writing-" + root, context -> List.of(GeneratedFile.text(root, path, "fixed\n")));
  }

  private interface Body {
    List<GeneratedFile> generate(GenerationContext context);
  }

  private record Named(String name, Body body) implements Generator {
    @Override
    public List<GeneratedFile> generate(GenerationContext context) {
      return body.generate(context);
    }
  }
}
