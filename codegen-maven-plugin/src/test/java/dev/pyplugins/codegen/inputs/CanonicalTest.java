package dev.pyplugins.codegen.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.codegen.GenerationOptions;
import dev.pyplugins.codegen.GenerationOptions.PythonOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CanonicalTest {

  private static GenerationOptions withRequirements(Map<String, String> requirements) {
    GenerationOptions d = GenerationOptions.defaults();
    PythonOptions p = d.python();
    return new GenerationOptions(Optional.of("com.acme"), d.apiService(), d.hooksService(), d.apiInterfaceName(),
        d.hooksInterfaceName(), d.hookDeadlineMillis(), new PythonOptions(p.packageName(), p.distributionName(),
            p.version(), p.requiresPython(), requirements));
  }

  @Test
  void namesEveryComponentOfNestedRecordsAndSortsMaps() {
    Map<String, String> forward = new LinkedHashMap<>();
    forward.put("b", ">=2");
    forward.put("a", ">=1");

    String text = Canonical.text(withRequirements(forward));

    assertThat(text).isEqualTo("GenerationOptions{javaPackage=\"com.acme\", apiService=\"PluginAPI\","
        + " hooksService=\"PluginHooks\", apiInterfaceName=\"PluginApi\", hooksInterfaceName=\"Hooks\","
        + " hookDeadlineMillis=30000, python=PythonOptions{packageName=\"mattermost_plugin\","
        + " distributionName=\"mattermost-plugin\", version=\"0.1.0\", requiresPython=\">=3.10\","
        + " requirements={\"a\"=\">=1\", \"b\"=\">=2\"}}}");
  }

  @Test
  void quotingKeepsDifferentValuesApart() {
    assertThat(Canonical.text(withRequirements(Map.of("a\", \"b", "x"))))
        .isNotEqualTo(Canonical.text(withRequirements(Map.of("a", "", "b", "x"))));
  }
}
