package dev.pyplugins.codegen.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.codegen.TestProtocols;
import org.junit.jupiter.api.Test;

class ProtocolModelParserTest {

  private final ProtocolModel model = TestProtocols.fullProtocol().model();

  @Test
  void theFullProtocolHasBothServicesWithEveryRpcAndItsDoc() {
    ServiceModel api = model.service("PluginAPI").orElseThrow();
    ServiceModel hooks = model.service("mattermost.pluginapi.v1.PluginHooks").orElseThrow();
    assertThat(api.methods()).hasSize(261).allMatch(m -> !m.doc().isEmpty());
    assertThat(hooks.methods()).hasSize(48);
    assertThat(api.method("GetUser").orElseThrow().input().name()).isEqualTo("GetUserRequest");
  }

  @Test
  void fieldsKeepTheirCardinalityMapTypesAndDocs() {
    MessageModel user = model.message("mattermost.pluginapi.v1.User");
    assertThat(user.field("props").orElseThrow().cardinality()).isEqualTo(FieldModel.Cardinality.MAP);
    assertThat(user.field("props").orElseThrow().mapValue().orElseThrow().kind()).isEqualTo(FieldKind.STRING);
    MessageModel post = model.message("mattermost.pluginapi.v1.Post");
    assertThat(post.field("props").orElseThrow().typeName()).contains("google.protobuf.Struct");
    assertThat(post.doc().isEmpty()).isFalse();
  }

  @Test
  void signaturesSplitContextParametersErrorAndResults() {
    RpcSignature getUser = RpcSignature.of(model.service("PluginAPI").orElseThrow().method("GetUser").orElseThrow());
    assertThat(getUser.shape()).isEqualTo(RpcShape.UNARY);
    assertThat(getUser.context()).isPresent();
    assertThat(getUser.parameters()).extracting(FieldModel::name).containsExactly("user_id");
    assertThat(getUser.error()).isPresent();
    assertThat(getUser.resultKind()).isEqualTo(RpcSignature.ResultKind.SINGLE);

    RpcSignature serveHttp = RpcSignature.of(model.service("PluginHooks").orElseThrow().method("ServeHTTP")
        .orElseThrow());
    assertThat(serveHttp.shape()).isEqualTo(RpcShape.BIDI_BODY_STREAM);
    assertThat(serveHttp.parameters()).extracting(FieldModel::name).containsExactly("plugin_context", "request");
    assertThat(serveHttp.responseHead().orElseThrow().name()).isEqualTo("response");
    assertThat(serveHttp.responseHasFlush()).isTrue();

    RpcSignature install = RpcSignature.of(model.service("PluginAPI").orElseThrow().method("InstallPlugin")
        .orElseThrow());
    assertThat(install.shape()).isEqualTo(RpcShape.CLIENT_BODY_STREAM);
    assertThat(install.parameters()).extracting(FieldModel::name).containsExactly("replace");

    RpcSignature willPost = RpcSignature.of(model.service("PluginHooks").orElseThrow()
        .method("MessageWillBePosted").orElseThrow());
    assertThat(willPost.resultKind()).isEqualTo(RpcSignature.ResultKind.MESSAGE);
  }

  @Test
  void everyRpcOfTheProtocolHasASignature() {
    model.services().stream().filter(s -> s.fullName().startsWith("mattermost."))
        .flatMap(s -> s.methods().stream()).forEach(RpcSignature::of);
  }
}
