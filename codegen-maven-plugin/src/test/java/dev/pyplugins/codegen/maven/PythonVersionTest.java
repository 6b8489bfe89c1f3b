package dev.pyplugins.codegen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PythonVersionTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "1.2.3, 1.2.3",
      "1.2.3-SNAPSHOT, 1.2.3.dev0",
      "0.1.0-SNAPSHOT, 0.1.0.dev0",
      "2.0, 2.0",
      "1.2.3-rc1, 1.2.3rc1",
      "1.2.3-RC-2, 1.2.3rc2",
      "1.2.3-rc-1-SNAPSHOT, 1.2.3rc1.dev0",
      "1.0-alpha-2, 1.0a2",
      "1.0-beta, 1.0b0",
      "1.0-M3, 1.0a3",
      "1.0.Final, 1.0",
      "1.2.3-acme_build.7, 1.2.3+acme.build.7",
      "1.2.3-acme-SNAPSHOT, 1.2.3.dev0+acme",
  })
  void mavenVersionsBecomePep440Versions(String maven, String python) {
    assertThat(PythonVersion.fromMaven(maven)).isEqualTo(python);
  }

  @ParameterizedTest
  @ValueSource(strings = {"SNAPSHOT", "latest", "1.0-weird!chars"})
  void versionsWithoutAPep440FormAskForAnExplicitPythonVersion(String maven) {
    assertThatThrownBy(() -> PythonVersion.fromMaven(maven)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set pythonVersion");
  }
}
