package dev.pyplugins.codegen.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.codegen.GeneratedFile;
import dev.pyplugins.codegen.GenerationOptions;
import dev.pyplugins.codegen.GoldenFiles;
import dev.pyplugins.codegen.TestProtocols;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JavaGoldenTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"basic", "nopackage"})
  void theGeneratedJavaOfEachTestProtocolMatchesItsGoldenFiles(String caseName) {
    List<GeneratedFile> files = GeneratedJava.generate(TestProtocols.testProtocol(caseName), GenerationOptions.defaults());

    assertThat(GoldenFiles.check(GoldenFiles.directory("java", caseName), files)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"basic", "nopackage"})
  void generatingTwiceGivesTheSameBytes(String caseName) {
    TestProtocols.Compiled protocol = TestProtocols.testProtocol(caseName);

    assertThat(GeneratedJava.generate(protocol, GenerationOptions.defaults()))
        .isEqualTo(GeneratedJava.generate(protocol, GenerationOptions.defaults()));
  }
}
