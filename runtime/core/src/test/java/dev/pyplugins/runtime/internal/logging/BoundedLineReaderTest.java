package dev.pyplugins.runtime.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {
  private final List<String> lines = new ArrayList<>();

  private void drain(int limit, String text) throws IOException {
    new BoundedLineReader(limit, lines::add).drain(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void splitsOnNewlinesAndDropsCarriageReturns() throws IOException {
    drain(100, "one\r\ntwo\n\nlast without newline");

    assertThat(lines).containsExactly("one", "two", "", "last without newline");
  }

  @Test
  void lineLongerThanTheLimitComesInPiecesOfTheLimit() throws IOException {
    drain(32, "x".repeat(70) + "\nshort\n");

    assertThat(lines).containsExactly("x".repeat(32), "x".repeat(32), "x".repeat(6), "short");
  }

  @Test
  void megabytesWithoutANewlineNeverHoldMoreThanOneLimit() throws IOException {
    int limit = 64 * 1024;
    drain(limit, "y".repeat(3 * 1024 * 1024));

    assertThat(lines).hasSize(48).allSatisfy(l -> assertThat(l).hasSize(limit));
  }
}
