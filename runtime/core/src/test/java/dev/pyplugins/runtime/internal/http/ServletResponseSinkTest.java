package dev.pyplugins.runtime.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServletResponseSinkTest {
  @ParameterizedTest(name = "plugin status {0} is sent as {1}")
  @CsvSource({"0, 200", "200, 200", "100, 100", "404, 404", "999, 999", "99, 500", "1000, 500", "-1, 500"})
  void statusZeroIsOkAndOutOfRangeIsServerError(int plugin, int sent) {
    assertThat(ServletResponseSink.status(plugin)).isEqualTo(sent);
  }
}
