package dev.pyplugins.codegen;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One output file, as bytes, with the output root it belongs under. Generators return these; only the
 * output writer touches the file system.
 *
 * @param root which output directory the file goes to
 * @param path the path below that root, with {@code /} separators
 * @param content the exact bytes to write
 */
public record GeneratedFile(OutputRoot root, String path, byte[] content) {

  public GeneratedFile {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(path, "path");
    if (path.isEmpty() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
      throw new IllegalArgumentException("generated file path must be relative and normalised: " + path);
    }
    content = content.clone();
  }

  /** A text file, encoded as UTF-8. */
  public static GeneratedFile text(OutputRoot root, String path, String text) {
    return new GeneratedFile(root, path, text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  public String contentAsText() {
    return new String(content, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GeneratedFile f && root == f.root && path.equals(f.path) && Arrays.equals(content, f.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(root, path, Arrays.hashCode(content));
  }

  @Override
  public String toString() {
    return root + ":" + path + " (" + content.length + " bytes)";
  }
}
