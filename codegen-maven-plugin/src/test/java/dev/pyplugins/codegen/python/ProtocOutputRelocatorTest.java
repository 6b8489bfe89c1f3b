package dev.pyplugins.codegen.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.codegen.GeneratedFile;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtocOutputRelocatorTest {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void importsOfRelocatedModulesMoveUnderThePackageAndOthersStay() {
    var relocator = new ProtocOutputRelocator("pkg", Map.of(
        "a/v1/x_pb2.py", bytes("# Protobuf Python Version: 7.36.2\n"),
        "a/v1/y_pb2.py", bytes(""),
        "root_pb2.py", bytes("")));
    String text = """
        from a.v1 import x_pb2 as a_dot_v1_dot_x__pb2
        from google.protobuf import struct_pb2 as google_dot_protobuf_dot_struct__pb2
        import root_pb2 as root__pb2
        from a.v1 import y_pb2 as _y_pb2
        """;
    assertThat(relocator.rewriteImports(text)).isEqualTo("""
        from pkg._proto.a.v1 import x_pb2 as a_dot_v1_dot_x__pb2
        from google.protobuf import struct_pb2 as google_dot_protobuf_dot_struct__pb2
        from pkg._proto import root_pb2 as root__pb2
        from pkg._proto.a.v1 import y_pb2 as _y_pb2
        """);
    assertThat(relocator.gencodeVersion()).contains("7.36.2");
  }

  @Test
  void everyPackageDirectoryGetsAnInitAndStubsGetTheirMypyException() {
    var files = new ProtocOutputRelocator("pkg", Map.of("a/v1/x_pb2.py", bytes(""), "a/v1/x_pb2.pyi", bytes("")))
        .relocate();
    assertThat(files).extracting(GeneratedFile::path).containsExactlyInAnyOrder("pkg/_proto/a/v1/x_pb2.py",
        "pkg/_proto/a/v1/x_pb2.pyi", "pkg/_proto/__init__.py", "pkg/_proto/a/__init__.py",
        "pkg/_proto/a/v1/__init__.py");
    String stub = files.stream().filter(f -> f.path().endsWith(".pyi")).findFirst().orElseThrow().contentAsText();
    assertThat(stub).startsWith("# generated from a/v1/x.proto by protoc, relocated into pkg._proto; do not edit\n"
        + ProtocOutputRelocator.STUB_CHECKS);
  }
}
