package dev.pyplugins.codegen.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.codegen.GenerationOptions;
import java.util.List;
import java.util.Optional;
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
        .containsExactlyInAnyOrder("AppErrorException.java", "HookName.java", "Hooks.java", "HooksClient.java",
            "PluginApi.java", "PluginApiServer.java", "UnsupportedPluginApi.java");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"basic", "nopackage", "bindings"})
  void everyTestProtocolCompilesWithoutWarnings(String caseName) {
    Javac.Result result = Javac.testProtocol(caseName);

    assertThat(result.errors()).isEmpty();
    assertThat(result.warningsInGenerated()).isEmpty();
  }

  @Test
  void anotherPackageAndOtherInterfaceNamesCompileToo() {
    GenerationOptions defaults = GenerationOptions.defaults();
    GenerationOptions options = new GenerationOptions(Optional.of("dev.example.host"), defaults.apiService(),
        defaults.hooksService(), "HostApi", "PluginHookCalls", 5_000, defaults.python());

    Javac.Result result = Javac.testProtocol("basic", "renamed", options);

    assertThat(result.errors()).isEmpty();
    assertThat(result.warningsInGenerated()).isEmpty();
    assertThat(result.generated()).extracting(f -> f.path()).contains("dev/example/host/HostApi.java",
        "dev/example/host/HostApiServer.java", "dev/example/host/PluginHookCalls.java",
        "dev/example/host/PluginHookCallsClient.java", "dev/example/host/AppErrorException.java",
        "dev/example/host/HookName.java");
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
