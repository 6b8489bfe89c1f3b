package dev.pyplugins.codegen.python;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WriteSdkTest {
  @Test
  void writesTheSdk() {
    assertThat(GeneratedSdk.wheel()).exists();
  }
}
