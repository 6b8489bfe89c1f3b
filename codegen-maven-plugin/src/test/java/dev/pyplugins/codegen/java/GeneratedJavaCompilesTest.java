package dev.pyplugins.codegen.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratedJavaCompilesTest {

  @Test
  void theWholeGeneratedSetForTheFullProtocolCompilesWithoutWarnings() {
    Javac.Result result = Javac.fullProtocol();

    assertThat(result.errors()).isEmpty();
    assertThat(result.warningsInGenerated()).isEmpty();
    assertThat(result.generated()).extracting(f -> f.path().substring(f.path().lastIndexOf('/') + 1))
        .containsExactlyInAnyOrder("AppErrorException.java", "GRPCBrokerGrpc.java", "GRPCControllerGrpc.java",
            "GRPCStdioGrpc.java", "Hooks.java", "HooksClient.java", "PluginAPIGrpc.java", "PluginApi.java",
            "PluginApiServer.java", "PluginHooksGrpc.java");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"basic", "nopackage", "bindings"})
  void everyTestProtocolCompilesWithoutWarnings(String caseName) {
    Javac.Result result = Javac.testProtocol(caseName);

    assertThat(result.errors()).isEmpty();
    assertThat(result.warningsInGenerated()).isEmpty();
  }

  @Test
  void theFullProtocolsClassesLoad() {
    Javac.Result result = Javac.fullProtocol();

    for (String name : List.of("dev.pyplugins.protocol.v1.PluginApiServer", "dev.pyplugins.protocol.v1.HooksClient",
        "dev.pyplugins.protocol.goplugin.GRPCStdioGrpc")) {
      assertThat(result.load(name)).isNotNull();
    }
  }
}
