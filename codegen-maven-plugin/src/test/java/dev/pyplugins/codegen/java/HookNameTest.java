package dev.pyplugins.codegen.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated HookName enum of the full protocol, loaded and used as a host would. */
class HookNameTest {
  private static final String PACKAGE = "dev.pyplugins.protocol.v1.";

  private final Class<?> hookName = Javac.fullProtocol().load(PACKAGE + "HookName");

  @Test
  void everyHookButImplementedHasAConstantNamedAfterItsRpc() {
    List<String> rpcNames = Arrays.stream(hookName.getEnumConstants()).map(Object::toString).toList();

    assertThat(rpcNames).hasSize(47).contains("OnActivate", "MessageWillBePosted", "ServeHTTP", "OnSAMLLogin")
        .doesNotContain("Implemented");
    assertThat(constant("MESSAGE_WILL_BE_POSTED")).hasToString("MessageWillBePosted");
    assertThat(constant("ON_SAML_LOGIN")).hasToString("OnSAMLLogin");
  }

  @Test
  void fromRpcNameFindsTheConstantAndSuggestsTheClosestOnATypo() {
    assertThat(fromRpcName("ServeHTTP")).isEqualTo(constant("SERVE_HTTP"));

    assertThatThrownBy(() -> fromRpcName("MessageHasBeenPostd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown hook 'MessageHasBeenPostd'; did you mean MessageHasBeenPosted");
    assertThatThrownBy(() -> fromRpcName("Implemented")).hasMessageStartingWith("unknown hook 'Implemented'");
  }

  private Object constant(String name) {
    return Reflect.callStatic(hookName, "valueOf", new Class<?>[] {String.class}, name);
  }

  private Object fromRpcName(String rpcName) {
    return Reflect.callStatic(hookName, "fromRpcName", new Class<?>[] {String.class}, rpcName);
  }
}
