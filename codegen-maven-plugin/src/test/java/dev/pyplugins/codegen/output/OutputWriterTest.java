package dev.pyplugins.codegen.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyplugins.codegen.CodeGenerationException;
import dev.pyplugins.codegen.CodeGenerationException.Kind;
import dev.pyplugins.codegen.GeneratedFile;
import dev.pyplugins.codegen.OutputRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {

  @TempDir
  Path tmp;

  private final OutputWriter writer = new OutputWriter();

  private static GeneratedFile java(String path, String text) {
    return GeneratedFile.text(OutputRoot.JAVA, path, text);
  }

  @Test
  void replacesTheWholeDirectorySoStaleFilesDisappear() throws Exception {
    Map<OutputRoot, Path> dirs = Map.of(OutputRoot.JAVA, tmp.resolve("java"));
    writer.replace(dirs, List.of(java("a/Old.java", "old"), java("a/Kept.java", "v1")));
    writer.replace(dirs, List.of(java("a/Kept.java", "v2")));

    assertThat(Directories.readTree(tmp.resolve("java"))).containsOnlyKeys("a/Kept.java", ".pyplugins-outputs");
    assertThat(tmp.resolve("java/.pyplugins-outputs")).hasContent(
        "# Written by pyplugins-codegen. This directory is replaced whole on every generation run: do not edit.\n"
            + "# <size in bytes> <path>\n2 a/Kept.java");
    assertThat(OutputManifest.readIntact(tmp.resolve("java"))).contains(List.of("a/Kept.java"));
  }

  @Test
  void aWriteThatFailsWhileStagingLeavesEveryOutputDirectoryAsItWas() throws Exception {
    Map<OutputRoot, Path> dirs = Map.of(OutputRoot.JAVA, tmp.resolve("java"), OutputRoot.WHEEL, tmp.resolve("wheel"));
    writer.replace(dirs, List.of(java("A.java", "v1"), GeneratedFile.text(OutputRoot.WHEEL, "x.whl", "w1")));
    var before = Directories.readTree(tmp);

    // "B" as a file and as a directory: the second write fails half-way through staging.
    assertThatThrownBy(() -> writer.replace(dirs, List.of(java("A.java", "v2"), java("B", "file"),
        java("B/C.java", "child"), GeneratedFile.text(OutputRoot.WHEEL, "x.whl", "w2"))))
        .isInstanceOfSatisfying(CodeGenerationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.IO_FAILED));

    assertThat(Directories.readTree(tmp)).containsOnlyKeys(before.keySet());
    assertThat(tmp.resolve("java/A.java")).hasContent("v1");
    assertThat(tmp.resolve("wheel/x.whl")).hasContent("w1");
    try (var list = Files.list(tmp)) {
      assertThat(list.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("java", "wheel");
    }
  }

  @Test
  void leftoversOfAKilledRunAreRemoved() throws Exception {
    Files.createDirectories(tmp.resolve(".java.pyplugins-staging/half"));
    Files.createDirectories(tmp.resolve(".java.pyplugins-previous/old"));

    writer.replace(Map.of(OutputRoot.JAVA, tmp.resolve("java")), List.of(java("A.java", "a")));

    try (var list = Files.list(tmp)) {
      assertThat(list.map(p -> p.getFileName().toString())).containsExactly("java");
    }
  }

  @Test
  void aRootWithoutFilesBecomesAnEmptyDirectoryWithAManifest() throws Exception {
    writer.replace(Map.of(OutputRoot.PYTHON, tmp.resolve("py")), List.of());

    assertThat(OutputManifest.readIntact(tmp.resolve("py"))).contains(List.of());
  }
}
