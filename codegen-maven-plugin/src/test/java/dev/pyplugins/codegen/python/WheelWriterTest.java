package dev.pyplugins.codegen.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class WheelWriterTest {

  private static final WheelMetadata METADATA = new WheelMetadata("my-Plugin.SDK", "1.2.0rc1", "A summary", ">=3.10",
      Map.of("protobuf", ">=7.36.2", "grpcio", ">=1.85.1"), List.of("my_plugin"));

  @Test
  void theWheelIsNamedAfterTheNormalisedDistributionAndTheUniversalTag() {
    assertThat(new WheelWriter(METADATA).fileName()).isEqualTo("my_plugin_sdk-1.2.0rc1-py3-none-any.whl");
  }

  @Test
  void entriesAreSortedWithTheDistInfoLastAndRecordFinal() {
    byte[] wheel = new WheelWriter(METADATA).write(Map.of("my_plugin/z.py", bytes("z"), "my_plugin/__init__.py",
        bytes(""), "my_plugin/py.typed", bytes("")));
    assertThat(names(wheel)).containsExactly("my_plugin/__init__.py", "my_plugin/py.typed", "my_plugin/z.py",
        "my_plugin_sdk-1.2.0rc1.dist-info/METADATA", "my_plugin_sdk-1.2.0rc1.dist-info/WHEEL",
        "my_plugin_sdk-1.2.0rc1.dist-info/top_level.txt", "my_plugin_sdk-1.2.0rc1.dist-info/RECORD");
  }

  @Test
  void metadataWheelAndRecordFollowTheSpecs() {
    byte[] wheel = new WheelWriter(METADATA).write(Map.of("my_plugin/__init__.py", bytes("x = 1\n")));
    Map<String, String> entries = entries(wheel);
    assertThat(entries.get("my_plugin_sdk-1.2.0rc1.dist-info/METADATA")).isEqualTo("""
        Metadata-Version: 2.1
        Name: my-Plugin.SDK
        Version: 1.2.0rc1
        Summary: A summary
        Requires-Python: >=3.10
        Requires-Dist: grpcio>=1.85.1
        Requires-Dist: protobuf>=7.36.2
        """);
    assertThat(entries.get("my_plugin_sdk-1.2.0rc1.dist-info/WHEEL")).contains("Wheel-Version: 1.0\n",
        "Root-Is-Purelib: true\n", "Tag: py3-none-any\n").doesNotContainPattern("[0-9]+\\.[0-9]+\\.[0-9]+");
    assertThat(entries.get("my_plugin_sdk-1.2.0rc1.dist-info/RECORD").lines().toList()).containsExactly(
        "my_plugin/__init__.py,sha256=" + WheelWriter.digest(bytes("x = 1\n")) + ",6",
        "my_plugin_sdk-1.2.0rc1.dist-info/METADATA,sha256="
            + WheelWriter.digest(bytes(entries.get("my_plugin_sdk-1.2.0rc1.dist-info/METADATA"))) + ","
            + entries.get("my_plugin_sdk-1.2.0rc1.dist-info/METADATA").length(),
        "my_plugin_sdk-1.2.0rc1.dist-info/WHEEL,sha256="
            + WheelWriter.digest(bytes(entries.get("my_plugin_sdk-1.2.0rc1.dist-info/WHEEL"))) + ","
            + entries.get("my_plugin_sdk-1.2.0rc1.dist-info/WHEEL").length(),
        "my_plugin_sdk-1.2.0rc1.dist-info/top_level.txt,sha256=" + WheelWriter.digest(bytes("my_plugin\n")) + ",10",
        "my_plugin_sdk-1.2.0rc1.dist-info/RECORD,,");
  }

  @Test
  void theSameFilesGiveTheSameBytesWithFixedTimestamps() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("my_plugin/b.py", bytes("b"));
    files.put("my_plugin/a.py", bytes("a"));
    byte[] first = new WheelWriter(METADATA).write(files);
    assertThat(new WheelWriter(METADATA).write(Map.of("my_plugin/a.py", bytes("a"), "my_plugin/b.py", bytes("b"))))
        .isEqualTo(first);
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(first))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        assertThat(e.getTimeLocal()).isEqualTo(LocalDateTime.of(1980, 1, 1, 0, 0));
      }
    }
  }

  @Test
  void invalidNamesAndVersionsAreRejectedWithTheReason() {
    assertThatThrownBy(() -> new WheelMetadata("bad name", "1.0", "s", ">=3.10", Map.of(), List.of("x")))
        .hasMessageContaining("'bad name' is not a valid Python distribution name");
    assertThatThrownBy(() -> new WheelMetadata("ok", "1.0-SNAPSHOT", "s", ">=3.10", Map.of(), List.of("x")))
        .hasMessageContaining("'1.0-SNAPSHOT' is not a PEP 440 version");
  }

  static Map<String, String> entries(byte[] wheel) {
    Map<String, String> out = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(wheel))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        out.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static List<String> names(byte[] wheel) {
    return new ArrayList<>(entries(wheel).keySet());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
