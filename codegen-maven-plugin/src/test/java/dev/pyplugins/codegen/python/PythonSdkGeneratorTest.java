package dev.pyplugins.codegen.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyplugins.codegen.GeneratedFile;
import dev.pyplugins.codegen.GenerationOptions;
import dev.pyplugins.codegen.OutputRoot;
import dev.pyplugins.codegen.TestProtocols;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PythonSdkGeneratorTest {

  private static final Pattern CLIENT_METHOD = Pattern.compile("(?m)^    def (?!_)\\w+\\(self");
  private static final Pattern HOOK_MEMBER = Pattern.compile("(?m)^    \\w+ = \"\\w+\"$");

  private static GenerationOptions services(String api, String hooks) {
    return new GenerationOptions(Optional.empty(), api, hooks, "PluginApi", "Hooks", 30_000,
        GenerationOptions.PythonOptions.defaults());
  }

  @ParameterizedTest
  @ValueSource(strings = {"python_basic", "python_nopackage"})
  void generatedModulesAndRelocatedProtocOutputMatchTheGoldenFiles(String protocol) {
    GenerationOptions options = protocol.equals("python_nopackage")
        ? services("Api", "Hooks") : GenerationOptions.defaults();
    List<GeneratedFile> files = new PythonSdkGenerator().generate(TestProtocols.testProtocol(protocol).context(options));
    Map<String, String> generated = new TreeMap<>();
    var core = new SdkResources().coreFiles().keySet();
    for (GeneratedFile f : files) {
      String inPackage = f.path().substring(f.path().indexOf('/') + 1);
      if (f.root() == OutputRoot.PYTHON && !core.contains(inPackage)) {
        generated.put(f.path(), f.contentAsText());
      }
    }
    PythonGoldenFiles.check(protocol, generated);
  }

  @Test
  void everyGeneratedFileStartsWithAGeneratedFromHeader() {
    var core = new SdkResources().coreFiles().keySet();
    for (GeneratedFile f : GeneratedSdk.files()) {
      if (f.root() == OutputRoot.PYTHON && !core.contains(f.path().substring(f.path().indexOf('/') + 1))) {
        assertThat(f.contentAsText()).as(f.path()).startsWith("# generated ").contains("do not edit");
      }
    }
  }

  @Test
  void theFullProtocolGivesOneClientMethodPerApiRpcAndOneHookNamePerHook() {
    var model = TestProtocols.fullProtocol().model();
    int apiRpcs = model.service("PluginAPI").orElseThrow().methods().size();
    int hookRpcs = model.service("PluginHooks").orElseThrow().methods().size();
    long sync = CLIENT_METHOD.matcher(text("mattermost_plugin/client.py")).results().count();
    long async = Pattern.compile("(?m)^    async def (?!_)\\w+\\(self").matcher(text("mattermost_plugin/async_client.py"))
        .results().count();
    long fake = CLIENT_METHOD.matcher(text("mattermost_plugin/testing/_fake_api.py")).results().count();
    long hookNames = HOOK_MEMBER.matcher(text("mattermost_plugin/_hook_names.py")).results().count();
    System.out.printf("python-sdk: client methods sync=%d async=%d fake=%d, API RPCs=%d; HookName members=%d, hook RPCs=%d%n",
        sync, async, fake, apiRpcs, hookNames, hookRpcs);
    assertThat(sync).isEqualTo(apiRpcs).isEqualTo(261);
    assertThat(async).isEqualTo(apiRpcs);
    assertThat(fake).isEqualTo(apiRpcs);
    assertThat(hookNames).isEqualTo(hookRpcs).isEqualTo(48);
  }

  @Test
  void theOutputIsReproducible() {
    List<GeneratedFile> again = new PythonSdkGenerator().generate(
        TestProtocols.fullProtocol().context(GenerationOptions.defaults()));
    assertThat(again).isEqualTo(GeneratedSdk.files());
  }

  @Test
  void theWheelRequiresTheProtobufRuntimeTheGeneratedCodeNeeds() {
    GeneratedFile wheel = GeneratedSdk.files().stream().filter(f -> f.root() == OutputRoot.WHEEL).findFirst().orElseThrow();
    assertThat(wheel.path()).isEqualTo("mattermost_plugin-0.1.0-py3-none-any.whl");
    String metadata = WheelWriterTest.entries(wheel.content()).get("mattermost_plugin-0.1.0.dist-info/METADATA");
    assertThat(metadata).contains("Requires-Dist: protobuf>=7.36.2\n", "Requires-Dist: grpcio>=1.85.1\n",
        "Requires-Dist: grpcio-health-checking>=1.85.1\n", "Requires-Dist: cryptography>=42.0\n",
        "Requires-Python: >=3.10\n");
  }

  @Test
  void anInvalidPackageNameOrAMissingServiceIsAClearError() {
    var compiled = TestProtocols.testProtocol("python_basic");
    var badPackage = new GenerationOptions(Optional.empty(), "PluginAPI", "PluginHooks", "PluginApi", "Hooks", 30_000,
        new GenerationOptions.PythonOptions("my-plugin", "x", "1.0", ">=3.10", Map.of()));
    assertThatThrownBy(() -> new PythonSdkGenerator().generate(compiled.context(badPackage)))
        .hasMessageContaining("'my-plugin' is not a valid identifier");
    var noHooks = services("PluginAPI", "NoSuchHooks");
    assertThatThrownBy(() -> new PythonSdkGenerator().generate(compiled.context(noHooks)))
        .hasMessageContaining("hooks service 'NoSuchHooks'");
  }

  private static String text(String path) {
    return GeneratedSdk.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().contentAsText();
  }
}
