package dev.pyplugins.codegen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtocClassifierTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "Linux, amd64, linux-x86_64",
      "Linux, aarch64, linux-aarch_64",
      "Mac OS X, x86_64, osx-x86_64",
      "Mac OS X, aarch64, osx-aarch_64",
      "Windows 11, amd64, windows-x86_64",
  })
  void platformsMapToTheClassifiersPublishedOnCentral(String osName, String osArch, String classifier) {
    assertThat(ProtocClassifier.of(osName, osArch)).contains(classifier);
  }

  @Test
  void unpublishedPlatformsHaveNoClassifier() {
    assertThat(ProtocClassifier.of("FreeBSD", "amd64")).isEmpty();
    assertThat(ProtocClassifier.of("Mac OS X", "ppc64le")).isEmpty();
    assertThat(ProtocClassifier.of("Linux", "riscv64")).isEmpty();
  }

  @Test
  void thisMachineIsSupported() {
    assertThat(ProtocClassifier.current()).isPresent();
  }
}
