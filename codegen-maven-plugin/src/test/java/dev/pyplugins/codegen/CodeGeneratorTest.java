package dev.pyplugins.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyplugins.codegen.CodeGenerationException.Kind;
import dev.pyplugins.codegen.output.Directories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeGeneratorTest {

  private static final Path PROTOS = Path.of("src/test/proto/orchestrator");
  private static final List<String> FILES = List.of("acme/v1/common.proto", "acme/v1/greeter.proto");

  @TempDir
  Path tmp;
  private Path sources;

  @BeforeEach
  void copyProtos() throws IOException {
    sources = tmp.resolve("proto");
    for (String file : FILES) {
      Path target = sources.resolve(file);
      Files.createDirectories(target.getParent());
      Files.copy(PROTOS.resolve(file), target);
    }
  }

  private GenerationRequest request(Path base, GenerationOptions options) {
    Map<OutputRoot, Path> outputs = new EnumMap<>(OutputRoot.class);
    outputs.put(OutputRoot.JAVA, base.resolve("out/java"));
    outputs.put(OutputRoot.PYTHON, base.resolve("out/python"));
    outputs.put(OutputRoot.WHEEL, base.resolve("out/wheel"));
    return new GenerationRequest(List.of(sources), List.of(), FILES, protoc(), grpcJava(), options, outputs, base.resolve("work"));
  }

  private GenerationRequest request(Path base) {
    return request(base, GenerationOptions.defaults());
  }

  private static Path protoc() {
    return Path.of(System.getProperty("protoc.path"));
  }

  private static java.util.Optional<Path> grpcJava() {
    return java.util.Optional.of(TestProtocols.grpcJavaPlugin());
  }

  private static CodeGenerator generator(Generator... extra) {
    List<Generator> generators = new java.util.ArrayList<>(
        List.of(TestGenerators.serviceListing(), TestGenerators.pythonPackage()));
    generators.addAll(Arrays.asList(extra));
    return new CodeGenerator(generators);
  }

  /** Every file under the directory (hidden manifest included), by relative path. */
  private static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> files = new java.util.TreeMap<>();
    Directories.readTree(dir).forEach((path, bytes) -> files.put(path, new String(bytes, StandardCharsets.UTF_8)));
    return files;
  }

  private static List<String> siblings(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesProtocJavaClassesAndEveryGeneratorsFilesUnderTheirRoots() throws Exception {
    GenerationSummary summary = generator().run(request(tmp));

    assertThat(summary.upToDate()).isFalse();
    Path java = tmp.resolve("out/java");
    assertThat(java.resolve("com/acme/greeter/v1/GreetRequest.java")).isRegularFile();
    assertThat(java.resolve("com/acme/greeter/v1/Ping.java")).isRegularFile();
    assertThat(java.resolve("pyplugins/test/ServiceListing.java")).content()
        .contains("acme.v1.Greeter: Greet", "acme.v1.Events: OnGreeted", "api=PluginAPI");
    assertThat(tmp.resolve("out/python/mattermost_plugin/acme/v1/greeter_pb2.py")).isRegularFile();
    assertThat(tmp.resolve("out/python/mattermost_plugin/acme/v1/greeter_pb2.pyi")).isRegularFile();
    assertThat(tmp.resolve("out/wheel/listing.txt")).content().contains("acme/v1/common_pb2.py");
    assertThat(summary.files().get(OutputRoot.JAVA)).contains("pyplugins/test/ServiceListing.java",
        "com/acme/greeter/v1/GreetRequest.java").isSorted();
    assertThat(summary.fileCounts()).containsEntry(OutputRoot.PYTHON, 4).containsEntry(OutputRoot.WHEEL, 1);
    assertThat(summary.timings().generators()).containsOnlyKeys("test-service-listing", "test-python-package");
    // protoc's copies were read into memory; only the descriptor set stays in the work directory.
    assertThat(siblings(tmp.resolve("work/protoc"))).containsExactly("descriptors.pb", "include");
    assertThat(siblings(tmp.resolve("out"))).containsExactly("java", "python", "wheel");
  }

  @Test
  void twoRunsIntoFreshDirectoriesGiveByteIdenticalFiles() throws Exception {
    generator().run(request(tmp.resolve("a")));
    generator().run(request(tmp.resolve("b")));

    for (String root : List.of("java", "python", "wheel")) {
      Map<String, String> a = tree(tmp.resolve("a/out").resolve(root));
      assertThat(a).isNotEmpty().isEqualTo(tree(tmp.resolve("b/out").resolve(root)));
      assertThat(a.values()).noneMatch(text -> text.contains("\r"));
    }
  }

  @Test
  void aSecondRunWithUnchangedInputsWritesNothing() throws Exception {
    GenerationSummary first = generator().run(request(tmp));
    Path listing = tmp.resolve("out/java/pyplugins/test/ServiceListing.java");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(listing, old);

    GenerationSummary second = generator().run(request(tmp));

    assertThat(second.upToDate()).isTrue();
    assertThat(second.inputHash()).isEqualTo(first.inputHash());
    assertThat(second.files()).isEqualTo(first.files());
    assertThat(Files.getLastModifiedTime(listing)).isEqualTo(old);
    assertThat(tmp.resolve("work/inputs.txt")).content().contains("acme/v1/greeter.proto", "PluginAPI");
  }

  @Test
  void aChangedProtoRegenerates() throws Exception {
    GenerationSummary first = generator().run(request(tmp));
    Path greeter = sources.resolve("acme/v1/greeter.proto");
    Files.writeString(greeter, Files.readString(greeter).replace("rpc OnGreeted(GreetResponse) returns (GreetRequest);",
        "rpc OnGreeted(GreetResponse) returns (GreetRequest);\n  rpc OnLeft(GreetResponse) returns (GreetRequest);"));

    GenerationSummary second = generator().run(request(tmp));

    assertThat(second.upToDate()).isFalse();
    assertThat(second.inputHash()).isNotEqualTo(first.inputHash());
    assertThat(tmp.resolve("out/java/pyplugins/test/ServiceListing.java")).content()
        .contains("acme.v1.Events: OnGreeted, OnLeft");
  }

  @Test
  void aChangedOptionRegenerates() throws Exception {
    generator().run(request(tmp));
    GenerationOptions defaults = GenerationOptions.defaults();
    GenerationOptions renamed = new GenerationOptions(defaults.javaPackage(), "Greeter", "Events",
        defaults.apiInterfaceName(), defaults.hooksInterfaceName(), defaults.hookDeadlineMillis(), defaults.python());

    GenerationSummary second = generator().run(request(tmp, renamed));

    assertThat(second.upToDate()).isFalse();
    assertThat(tmp.resolve("out/java/pyplugins/test/ServiceListing.java")).content().contains("api=Greeter");
  }

  @Test
  void missingOrTamperedOutputsRegenerateEvenWhenTheInputsAreUnchanged() throws Exception {
    generator().run(request(tmp));
    Path listing = tmp.resolve("out/java/pyplugins/test/ServiceListing.java");
    Files.writeString(listing, "truncated");

    assertThat(generator().run(request(tmp)).upToDate()).isFalse();
    assertThat(listing).content().contains("acme.v1.Greeter");

    Directories.deleteRecursively(tmp.resolve("out/wheel"));
    assertThat(generator().run(request(tmp)).upToDate()).isFalse();
    assertThat(tmp.resolve("out/wheel/listing.txt")).isRegularFile();
  }

  @Test
  void aFailingGeneratorLeavesThePreviousOutputsUntouched() throws Exception {
    generator().run(request(tmp));
    Map<String, String> before = tree(tmp.resolve("out/java"));
    Files.writeString(sources.resolve("acme/v1/common.proto"), "\n// changed\n", java.nio.file.StandardOpenOption.APPEND);

    assertThatThrownBy(() -> generator(TestGenerators.failing()).run(request(tmp)))
        .isInstanceOfSatisfying(CodeGenerationException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.GENERATOR_FAILED);
          assertThat(e).hasMessageContaining("test-failing").hasMessageContaining("boom");
        });

    assertThat(tree(tmp.resolve("out/java"))).isEqualTo(before);
    assertThat(siblings(tmp.resolve("out"))).containsExactly("java", "python", "wheel");
    // The failed run left no record, and the good generators then regenerate.
    assertThat(generator().run(request(tmp)).upToDate()).isFalse();
  }

  @Test
  void aProtoErrorNamesFileAndLineAndLeavesThePreviousOutputsUntouched() throws Exception {
    generator().run(request(tmp));
    Map<String, String> before = tree(tmp.resolve("out/java"));
    Path greeter = sources.resolve("acme/v1/greeter.proto");
    Files.writeString(greeter, Files.readString(greeter).replace("string text = 1;", "Strin text = 1;"));

    assertThatThrownBy(() -> generator().run(request(tmp)))
        .isInstanceOfSatisfying(CodeGenerationException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
          assertThat(e).hasMessageContaining("acme/v1/greeter.proto:18:3:").hasMessageContaining("\"Strin\"");
        });

    assertThat(tree(tmp.resolve("out/java"))).isEqualTo(before);
    assertThat(siblings(tmp.resolve("out"))).containsExactly("java", "python", "wheel");
  }

  @Test
  void aFirstRunThatFailsLeavesNoOutputDirectoryAtAll() throws Exception {
    assertThatThrownBy(() -> generator(TestGenerators.failing()).run(request(tmp)))
        .isInstanceOf(CodeGenerationException.class);

    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void refusesToReplaceADirectoryItDidNotWrite() throws Exception {
    Path handwritten = tmp.resolve("out/java/Handwritten.java");
    Files.createDirectories(handwritten.getParent());
    Files.writeString(handwritten, "class Handwritten {}\n");

    assertThatThrownBy(() -> generator().run(request(tmp)))
        .isInstanceOfSatisfying(CodeGenerationException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
        .hasMessageContaining("refusing to replace the JAVA output directory");
    assertThat(handwritten).hasContent("class Handwritten {}");
  }

  @Test
  void twoProducersOfTheSameFileAreReportedByName() {
    Generator clash = TestGenerators.writing(OutputRoot.JAVA, "com/acme/greeter/v1/Ping.java");

    assertThatThrownBy(() -> generator(clash).run(request(tmp)))
        .hasMessageContaining("test-writing-JAVA").hasMessageContaining("protoc --java_out")
        .hasMessageContaining("com/acme/greeter/v1/Ping.java");
  }

  @Test
  void javaOnlyRunsSkipProtocPythonAndRejectFilesForOtherRoots() throws Exception {
    GenerationRequest javaOnly = new GenerationRequest(List.of(sources), List.of(), FILES, protoc(), grpcJava(),
        GenerationOptions.defaults(), Map.of(OutputRoot.JAVA, tmp.resolve("out/java")), tmp.resolve("work"));

    List<GenerationContext> seen = new java.util.ArrayList<>();
    GenerationSummary summary = new CodeGenerator(List.of(TestGenerators.serviceListing(),
        TestGenerators.recording(seen))).run(javaOnly);
    assertThat(summary.files()).containsOnlyKeys(OutputRoot.JAVA);
    assertThat(seen).singleElement().satisfies(context -> assertThat(context.protocPythonOutput()).isEmpty());

    assertThatThrownBy(() -> new CodeGenerator(List.of(TestGenerators.writing(OutputRoot.WHEEL, "x.whl")))
        .run(javaOnly)).hasMessageContaining("does not generate WHEEL output");
  }

  @Test
  void importRootsAreOnTheImportPathAndInTheHash() throws Exception {
    Path imports = tmp.resolve("imports");
    Files.createDirectories(imports.resolve("shared"));
    Files.writeString(imports.resolve("shared/id.proto"), "syntax = \"proto3\";\npackage shared;\nmessage Id {}\n");
    Path api = sources.resolve("acme/v1/uses_import.proto");
    Files.writeString(api, "syntax = \"proto3\";\npackage acme.v1;\nimport \"shared/id.proto\";\n"
        + "option java_package = \"com.acme.greeter.v1\";\nmessage Wrapped { shared.Id id = 1; }\n");
    List<String> files = List.of("acme/v1/common.proto", "acme/v1/greeter.proto", "acme/v1/uses_import.proto");
    GenerationRequest request = new GenerationRequest(List.of(sources), List.of(imports), files, protoc(), grpcJava(),
        GenerationOptions.defaults(), Map.of(OutputRoot.JAVA, tmp.resolve("out/java")), tmp.resolve("work"));

    CodeGenerator generator = new CodeGenerator(List.of());
    generator.run(request);
    assertThat(tmp.resolve("out/java/com/acme/greeter/v1/UsesImport.java")).isRegularFile();
    // Imported files are compiled against, not generated.
    assertThat(tmp.resolve("out/java/shared")).doesNotExist();
    assertThat(generator.run(request).upToDate()).isTrue();

    Files.writeString(imports.resolve("shared/id.proto"), "syntax = \"proto3\";\npackage shared;\nmessage Id { string v = 1; }\n");
    assertThat(generator.run(request).upToDate()).isFalse();
  }

  @Test
  void aFileInNoSourceRootIsReportedBeforeProtocRuns() {
    GenerationRequest request = new GenerationRequest(List.of(sources), List.of(), List.of("acme/v1/missing.proto"),
        protoc(), grpcJava(), GenerationOptions.defaults(), Map.of(OutputRoot.JAVA, tmp.resolve("out/java")), tmp.resolve("work"));

    assertThatThrownBy(() -> generator().run(request)).hasMessageContaining("acme/v1/missing.proto is in none of");
    assertThat(tmp.resolve("work")).doesNotExist();
  }
}
