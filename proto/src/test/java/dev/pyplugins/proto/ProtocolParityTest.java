package dev.pyplugins.proto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProtocolParityTest {

  private static FileDescriptorSet protocol;
  private static String protocOutput;
  private static ReferenceList api;
  private static ReferenceList hooks;

  @BeforeAll
  static void compile() throws Exception {
    Protoc.Result result = Protoc.compileProtocol();
    protocol = result.descriptors();
    protocOutput = result.output();
    api = ReferenceList.load("/reference/mattermost-plugin-api.tsv");
    hooks = ReferenceList.load("/reference/mattermost-hooks.tsv");
  }

  @Test
  void theProtocolCompilesWithoutAnyWarning() {
    assertThat(protocOutput).isEmpty();
  }

  @Test
  void everyGoMethodAndHookHasItsRpcAndEveryConventionHolds() {
    ProtocolParityChecker.Report report = new ProtocolParityChecker(protocol).check(api, hooks);
    System.out.println("[parity] " + report.summary());
    assertThat(report.problems()).isEmpty();
    assertThat(report.apiMatched()).isEqualTo(261).isEqualTo(report.apiExpected());
    // The reference hook list is the 47 hooks plus Implemented, the discovery call.
    assertThat(report.hooksMatched()).isEqualTo(48).isEqualTo(report.hooksExpected());
    assertThat(hooks.names()).contains("Implemented", "ServeHTTP", "ServeMetrics");
  }

  @Test
  void aRemovedRpcIsReportedByName() {
    FileDescriptorSet withoutGetUser = editService(ProtocolParityChecker.API_SERVICE, s -> {
      ServiceDescriptorProto.Builder b = s.toBuilder().clearMethod();
      s.getMethodList().stream().filter(m -> !m.getName().equals("GetUser")).forEach(b::addMethod);
      return b.build();
    });
    ProtocolParityChecker.Report report = new ProtocolParityChecker(withoutGetUser).check(api, hooks);
    assertThat(report.problems()).containsExactly("PluginAPI: RPC GetUser is missing");
    assertThat(report.apiMatched()).isEqualTo(260);
  }

  @Test
  void aMisnamedRpcIsReportedWithTheGoName() {
    FileDescriptorSet renamed = editService(ProtocolParityChecker.HOOKS_SERVICE, s -> {
      ServiceDescriptorProto.Builder b = s.toBuilder();
      for (int i = 0; i < b.getMethodCount(); i++) {
        if (b.getMethod(i).getName().equals("ServeHTTP")) {
          b.setMethod(i, b.getMethod(i).toBuilder().setName("ServeHttp"));
        }
      }
      return b.build();
    });
    ProtocolParityChecker.Report report = new ProtocolParityChecker(renamed).check(api, hooks);
    assertThat(report.problems())
        .contains("PluginHooks: RPC ServeHttp is misnamed; the Go method is ServeHTTP")
        .noneMatch(p -> p.contains("is extra"));
  }

  @Test
  void anExtraRpcAndABrokenConventionAreReported() {
    FileDescriptorSet extra = editService(ProtocolParityChecker.API_SERVICE, s -> s.toBuilder()
        .addMethod(s.getMethod(0).toBuilder().setName("GetEverything")
            .setOutputType(".mattermost.pluginapi.v1.GetUserResponse"))
        .build());
    ProtocolParityChecker.Report report = new ProtocolParityChecker(extra).check(api, hooks);
    assertThat(report.problems())
        .contains("PluginAPI: RPC GetEverything is extra; no Go method has that name");

    FileDescriptorSet wrongResponse = editService(ProtocolParityChecker.API_SERVICE, s -> {
      ServiceDescriptorProto.Builder b = s.toBuilder();
      for (int i = 0; i < b.getMethodCount(); i++) {
        if (b.getMethod(i).getName().equals("KVGet")) {
          b.setMethod(i, b.getMethod(i).toBuilder().setOutputType(".mattermost.pluginapi.v1.KVSetResponse"));
        }
      }
      return b.build();
    });
    assertThat(new ProtocolParityChecker(wrongResponse).check(api, hooks).problems())
        .contains("PluginAPI.KVGet: response type is .mattermost.pluginapi.v1.KVSetResponse, "
            + "expected .mattermost.pluginapi.v1.KVGetResponse");
  }

  private static FileDescriptorSet editService(String service,
      UnaryOperator<ServiceDescriptorProto> edit) {
    FileDescriptorSet.Builder set = protocol.toBuilder();
    for (int f = 0; f < set.getFileCount(); f++) {
      FileDescriptorProto.Builder file = set.getFileBuilder(f);
      for (int s = 0; s < file.getServiceCount(); s++) {
        if (file.getPackage().equals(ProtocolParityChecker.PACKAGE)
            && file.getService(s).getName().equals(service)) {
          file.setService(s, edit.apply(file.getService(s)));
        }
      }
    }
    return set.build();
  }
}
