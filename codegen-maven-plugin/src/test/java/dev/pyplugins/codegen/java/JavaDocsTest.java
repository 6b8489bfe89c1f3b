package dev.pyplugins.codegen.java;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaDocsTest {

  @Test
  void commentTextCannotEndTheCommentStartATagOrMarkupOrAUnicodeEscape() {
    assertThat(JavaDocs.escape("ends */ here, @param x, <b>&</b>, C:\\users\\u0041, $T $$"))
        .isEqualTo("ends *&#47; here, &#64;param x, &lt;b&gt;&amp;&lt;/b&gt;, C:&#92;users&#92;u0041, $T $$");
  }

  @Test
  void aSlashThatDoesNotFollowAStarStaysAsItIs() {
    assertThat(JavaDocs.escape("a/b // c")).isEqualTo("a/b // c");
  }
}
