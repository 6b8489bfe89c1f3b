package dev.pyplugins.codegen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.codegen.GenerationOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The goal's documented defaults are annotation literals; they must match the core's
 * {@link GenerationOptions#defaults()}, which tests and the benchmark use.
 */
class PluginDescriptorTest {

  private static Map<String, String> defaults() throws Exception {
    var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile());
    Element configuration = (Element) document.getElementsByTagName("configuration").item(0);
    Map<String, String> defaults = new HashMap<>();
    NodeList children = configuration.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.hasAttribute("default-value")) {
        defaults.put(e.getTagName(), e.getAttribute("default-value"));
      }
    }
    return defaults;
  }

  @Test
  void annotationDefaultsMatchTheCoreDefaults() throws Exception {
    GenerationOptions core = GenerationOptions.defaults();

    assertThat(defaults())
        .containsEntry("apiService", core.apiService())
        .containsEntry("hooksService", core.hooksService())
        .containsEntry("apiInterfaceName", core.apiInterfaceName())
        .containsEntry("hooksInterfaceName", core.hooksInterfaceName())
        .containsEntry("hookDeadlineMillis", Long.toString(core.hookDeadlineMillis()))
        .containsEntry("pythonPackage", core.python().packageName())
        .containsEntry("pythonDistributionName", core.python().distributionName())
        .containsEntry("pythonRequiresPython", core.python().requiresPython())
        .containsEntry("javaOutputDirectory", "${project.build.directory}/generated-sources/pyplugins");
  }
}
