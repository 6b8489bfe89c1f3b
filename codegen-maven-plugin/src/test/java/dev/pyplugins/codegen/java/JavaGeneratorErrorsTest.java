package dev.pyplugins.codegen.java;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyplugins.codegen.GenerationOptions;
import dev.pyplugins.codegen.TestProtocols;
import dev.pyplugins.codegen.model.UnsupportedRpcException;
import org.junit.jupiter.api.Test;

class JavaGeneratorErrorsTest {

  @Test
  void aProtocolClassNamedLikeAGeneratedClassIsRefusedWithBothNames() {
    assertThatThrownBy(() -> GeneratedJava.generate(TestProtocols.testProtocol("invalid/clash"),
        GenerationOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the generated class dev.example.clash.PluginApi would clash with a class protoc generates "
            + "from clash.proto; choose other interface names");
  }

  @Test
  void anAppErrorWithoutTheFieldsTheExceptionNeedsIsRefusedNamingTheField() {
    assertThatThrownBy(() -> GeneratedJava.generate(TestProtocols.testProtocol("invalid/apperror"),
        GenerationOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("message test.apperror.AppError (in apperror.proto) needs a singular int32 field `status_code` "
            + "for AppErrorException (see docs/proto-conventions.md)");
  }

  @Test
  void anApiRpcThatStreamsOnlyFromTheServerIsRefusedNamingTheRpc() {
    assertThatThrownBy(() -> GeneratedJava.generate(TestProtocols.testProtocol("invalid/serverstream"),
        GenerationOptions.defaults()))
        .isInstanceOf(UnsupportedRpcException.class)
        .hasMessageStartingWith("RPC test.serverstream.PluginAPI/Watch: server-only streaming is not supported");
  }
}
