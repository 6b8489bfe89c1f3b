package dev.pyplugins.sample.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void idsHaveMattermostsShapeAndDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = Ids.newId();
      assertThat(id).hasSize(26).matches("[ybndrfg8ejkmcpqxot1uwisza345h769]+");
      assertThat(Ids.isValid(id)).isTrue();
      seen.add(id);
    }
    assertThat(seen).hasSize(10_000);
    assertThat(Ids.isValid("short")).isFalse();
    assertThat(Ids.isValid("ABCDEFGHIJKLMNOPQRSTUVWXYZ")).isFalse();
  }
}
