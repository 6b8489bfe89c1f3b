package dev.pyplugins.runtime.internal.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PythonVersionRequirementTest {

  @ParameterizedTest(name = "{1} against ''{0}'' is {2}")
  @CsvSource(delimiter = '|', textBlock = """
      >=3.10         | 3.10.0  | true
      >=3.10         | 3.9.18  | false
      >=3.10, <3.12  | 3.11.7  | true
      >=3.10, <3.12  | 3.12.0  | false
      ==3.11.*       | 3.11.2  | true
      ==3.11.*       | 3.12.0  | false
      ==3.11         | 3.11.0  | true
      ==3.11         | 3.11.1  | false
      !=3.12.*       | 3.12.4  | false
      !=3.12.*       | 3.13.0  | true
      ~=3.10         | 3.13.1  | true
      ~=3.10         | 4.0.0   | false
      ~=3.10.2       | 3.10.9  | true
      ~=3.10.2       | 3.11.0  | false
      >3             | 3.0.1   | true
      <=3.11         | 3.11.0  | true
      <=3.11         | 3.11.1  | false
      """)
  void clausesFollowPep440(String spec, String version, boolean expected) {
    assertThat(PythonVersionRequirement.parse(spec).isSatisfiedBy(PythonVersion.parse(version)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.10", ">= three", ">=3.10,", "=>3.10", "~=3", ">=3.*", " "})
  void malformedSpecifiersAreRejected(String spec) {
    assertThatThrownBy(() -> PythonVersionRequirement.parse(spec)).isInstanceOf(IllegalArgumentException.class);
  }
}
