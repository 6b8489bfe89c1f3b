package dev.pyplugins.codegen.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.codegen.TestProtocols;
import dev.pyplugins.codegen.model.ProtocolModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtoJavaNamesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"user_id, UserId", "x509cert, X509Cert", "class, Class", "fooBar, FooBar", "grpc_broker, GrpcBroker"})
  void namesAreCamelCasedAsProtocDoesIt(String name, String camel) {
    assertThat(ProtoJavaNames.camelCase(name, true)).isEqualTo(camel);
  }

  @Test
  void classesFollowJavaPackageMultipleFilesAndOuterClassNames() {
    ProtocolModel nopackage = TestProtocols.testProtocol("nopackage").model();
    ProtocolModel bindings = TestProtocols.testProtocol("bindings").model();
    ProtocolModel basic = TestProtocols.testProtocol("basic").model();

    assertThat(new ProtoJavaNames(nopackage).messageClass("Shapes").canonicalName())
        .isEqualTo("ShapesOuterClass.Shapes");
    assertThat(new ProtoJavaNames(bindings).messageClass("test.bindings.Note").canonicalName())
        .isEqualTo("test.bindings.Streams.Note");
    assertThat(new ProtoJavaNames(basic).messageClass("test.basic.v1.Item").canonicalName())
        .isEqualTo("dev.example.basic.Item");
    assertThat(new ProtoJavaNames(basic).messageClass("google.protobuf.Struct").canonicalName())
        .isEqualTo("com.google.protobuf.Struct");
  }
}
