package dev.pyplugins.codegen.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyplugins.codegen.GeneratedFile;
import dev.pyplugins.codegen.GenerationOptions;
import dev.pyplugins.codegen.OutputRoot;
import dev.pyplugins.codegen.TestProtocols;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PythonGeneratorsTest {

  private static SdkContext fullSdk() {
    return SdkContext.of(TestProtocols.fullProtocol().context(GenerationOptions.defaults()));
  }

  private static String text(String path) {
    return GeneratedSdk.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().contentAsText();
  }

  @Test
  void eachOutputHasItsOwnGeneratorAndNoTwoWriteTheSameFile() {
    SdkContext sdk = fullSdk();
    Set<String> names = new HashSet<>();
    Set<String> paths = new HashSet<>();
    for (SdkModuleGenerator generator : PythonGenerators.all(new SdkResources())) {
      assertThat(names.add(generator.name())).as(generator.name()).isTrue();
      for (GeneratedFile f : generator.generate(sdk)) {
        assertThat(f.root()).isEqualTo(OutputRoot.PYTHON);
        assertThat(paths.add(f.path())).as(f.path() + " written twice").isTrue();
      }
    }
    assertThat(names).contains("client", "async_client", "fake_api", "hook_names", "hooks_dispatch", "hook_caller",
        "errors", "models", "core", "protoc-modules");
  }

  @Test
  void theWheelIsAPackagingStepOverTheFinishedPackageFilesOnly() {
    SdkContext sdk = fullSdk();
    GeneratedFile wheel = new WheelPackager().pack(sdk, List.of(GeneratedFile.text(OutputRoot.PYTHON, "mattermost_plugin/x.py", "")));
    assertThat(WheelWriterTest.entries(wheel.content())).containsKey("mattermost_plugin/x.py");
    assertThatThrownBy(() -> new WheelPackager().pack(sdk, List.of(GeneratedFile.text(OutputRoot.JAVA, "A.java", ""))))
        .hasMessageContaining("the wheel holds Python package files only");
  }

  @Test
  void aViewLeftIncompleteFailsTheBuildNamingTheMissingValue() {
    assertThatThrownBy(() -> HookView.builder().name("X").build()).hasMessage("HookView.shape was not set");
    assertThatThrownBy(() -> ApiMethodView.builder().name("x").build()).hasMessage("ApiMethodView.path was not set");
  }

  @Test
  void mattermostsClientConveniencesApplyWhereTheProtocolHasTheirShape() {
    String client = text("mattermost_plugin/client.py");
    assertThat(client)
        .contains("    def kv_get(self, key: str) -> bytes | None:")
        .contains("return (_response.value or None)")
        .contains("    def kv_list(self, page: int = 0, per_page: int = 100) -> list[str]:")
        .contains("    def kv_compare_and_set(self, key: str, old_value: bytes | None, new_value: bytes) -> bool:")
        .contains("old_value=(old_value or b\"\")")
        .contains("permission: _model_plugin_pb2.Permission | str)")
        .contains("permission=_by_id(_model_plugin_pb2.Permission, permission)")
        .contains("    def log_info(self, message: str, key_value_pairs: _Sequence[_struct_pb2.Value] = (), **pairs: object)");
    String basic = PythonGoldenFiles.ROOT.resolve("python_basic/mattermost_plugin/client.py").toString();
    assertThat(java.nio.file.Path.of(basic)).content().doesNotContain("_by_id(", "**pairs", "or None)");
  }

  @Test
  void everyHookSpecStatesItsFailureRule() {
    String dispatch = text("mattermost_plugin/_hooks_dispatch.py");
    assertThat(dispatch)
        .contains("_HookSpec(\"MessageWillBePosted\", (_ResultField(\"post\", \"message\", _model_post_pb2.Post), "
            + "_ResultField(\"rejection_reason\", \"scalar\", str)), error=\"error\", rejection=\"rejection_reason\")")
        .contains("_HookSpec(\"MessagesWillBeConsumed\", (_ResultField(\"posts\", \"repeated\", _model_post_pb2.Post),), "
            + "error=\"error\", keep=(\"posts\",))")
        .contains("_HookSpec(\"ConfigurationWillBeSaved\", (_ResultField(\"config\", \"message\", "
            + "_model_plugin_pb2.Config),), error=\"error\")")
        .contains("(\"info\",), \"result\", \"replaced\")")
        .contains("(_request.actor if _request.HasField(\"actor\") else None)");
    assertThat(text("mattermost_plugin/_hook_names.py"))
        .contains("Handler: ``(plugin_context, post) -> (post, rejection_reason)``.")
        .contains("Handler: ``(now_time, batch_size) -> deleted_count, optionally with an error last``.");
  }
}
