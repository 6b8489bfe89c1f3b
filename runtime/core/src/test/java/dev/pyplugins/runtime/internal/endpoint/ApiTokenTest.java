package dev.pyplugins.runtime.internal.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiTokenTest {
  @Test
  void tokensAreRandomUrlSafeAndOnlyMatchThemselves() {
    ApiToken a = ApiToken.random();
    ApiToken b = ApiToken.random();
    assertThat(a.value()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(b.value());
    assertThat(a.matches(a.value())).isTrue();
    assertThat(a.matches(b.value())).isFalse();
    assertThat(a.matches(a.value().substring(1))).isFalse();
    assertThat(a.matches("")).isFalse();
    assertThat(a.matches(null)).isFalse();
    assertThat(a.toString()).doesNotContain(a.value());
  }
}
