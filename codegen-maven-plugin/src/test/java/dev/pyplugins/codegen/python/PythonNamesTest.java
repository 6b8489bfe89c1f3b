package dev.pyplugins.codegen.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.codegen.model.Doc;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PythonNamesTest {

  @ParameterizedTest
  @CsvSource({
      "GetUser, get_user",
      "KVSet, kv_set",
      "KVCompareAndSet, kv_compare_and_set",
      "GetPluginID, get_plugin_id",
      "PluginHTTP, plugin_http",
      "ServeHTTP, serve_http",
      "GetLDAPUserAttributes, get_ldap_user_attributes",
      "OnSAMLLogin, on_saml_login",
      "CreateOAuthApp, create_oauth_app",
      "GetUsersByIds, get_users_by_ids",
      "OnActivate, on_activate",
  })
  void rpcNamesBecomeSnakeCase(String rpc, String python) {
    assertThat(PythonNames.snakeCase(rpc)).isEqualTo(python);
  }

  @Test
  void keywordsAndReservedNamesGetATrailingUnderscore() {
    assertThat(List.of("from", "class", "self", "body", "match", "user_id").stream().map(PythonNames::identifier))
        .containsExactly("from_", "class_", "self_", "body_", "match_", "user_id");
  }

  @Test
  void docstringsEscapeQuotesAndBackslashesAndIndentContinuationLines() {
    Doc doc = new Doc(List.of("Has \"\"\"quotes\"\"\" and a \\ backslash.", "", "Ends in a \"quote\""));
    assertThat(PythonNames.docstring(doc, "fallback", "    "))
        .isEqualTo("Has \\\"\\\"\\\"quotes\\\"\\\"\\\" and a \\\\ backslash.\n\n    Ends in a \"quote\"\n    ");
    assertThat(PythonNames.docstring(Doc.NONE, "Calls X.", "    ")).isEqualTo("Calls X.");
    assertThat(PythonNames.docstring(new Doc(List.of("Ends \"x\"")), "", "    ")).isEqualTo("Ends \"x\" ");
  }
}
