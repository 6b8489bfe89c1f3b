package dev.pyplugins.codegen.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictMustacheFactoryTest {

  private static String render(String template, Object scope) {
    StringWriter out = new StringWriter();
    new StrictMustacheFactory("none").compile(new StringReader(template), "t").execute(out, scope);
    return out.toString();
  }

  @Test
  void valuesAreWrittenWithoutHtmlEscaping() {
    assertThat(render("x = {{v}}", Map.of("v", "a < b and \"c\" & 'd'"))).isEqualTo("x = a < b and \"c\" & 'd'");
  }

  @Test
  void aKeyNoScopeProvidesIsAnError() {
    assertThatThrownBy(() -> render("{{#items}}{{nmae}}{{/items}}", Map.of("items", List.of(Map.of("name", "a")))))
        .hasStackTraceContaining("template key 'nmae' is not provided by the view model");
  }
}
