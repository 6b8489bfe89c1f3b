package dev.pyplugins.codegen.java;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaNamesTest {

  @ParameterizedTest(name = "{0} -> {1}, {2}")
  @CsvSource({
      "GetUser, getUser, GET_USER",
      "KVSet, kvSet, KV_SET",
      "KVSetWithOptions, kvSetWithOptions, KV_SET_WITH_OPTIONS",
      "ServeHTTP, serveHTTP, SERVE_HTTP",
      "GetPluginID, getPluginID, GET_PLUGIN_ID",
      "OnSAMLLogin, onSAMLLogin, ON_SAML_LOGIN",
      "HTTPRequest, httpRequest, HTTP_REQUEST",
      "ID, id, ID",
      "getX509Cert, getX509Cert, GET_X509_CERT",
  })
  void rpcNamesBecomeLowerCamelMethodsAndUpperSnakeConstants(String rpc, String method, String constant) {
    assertThat(JavaNames.lowerCamel(rpc)).isEqualTo(method);
    assertThat(JavaNames.upperSnake(rpc)).isEqualTo(constant);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"user_id, userId", "class, class_", "int, int_", "web_conn_id, webConnId", "x509_cert, x509Cert"})
  void fieldNamesBecomeParameterNamesThatAreNeverKeywords(String field, String parameter) {
    assertThat(JavaNames.parameter(field)).isEqualTo(parameter);
  }
}
