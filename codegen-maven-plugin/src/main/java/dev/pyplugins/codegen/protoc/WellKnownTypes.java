package dev.pyplugins.codegen.protoc;

import com.google.protobuf.Struct;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code google/protobuf/*.proto} files protoc needs on its include path. The protoc executable on
 * Maven Central ships without them, but protobuf-java carries them as resources, so they come from our
 * own classpath and always match the runtime version.
 */
public final class WellKnownTypes {

  /** The files protobuf-java ships; the ones a plugin protocol may import. */
  public static final List<String> FILES = List.of("any.proto", "api.proto", "descriptor.proto", "java_features.proto",
      "duration.proto", "empty.proto", "field_mask.proto", "source_context.proto", "struct.proto",
      "timestamp.proto", "type.proto", "wrappers.proto");

  private WellKnownTypes() {}

  /** Writes the files under {@code dir/google/protobuf/} and returns {@code dir}, ready for {@code -I}. */
  public static Path extractTo(Path dir) throws IOException {
    Path target = dir.resolve("google/protobuf");
    Files.createDirectories(target);
    for (String name : FILES) {
      try (InputStream in = Struct.class.getResourceAsStream("/google/protobuf/" + name)) {
        if (in == null) {
          throw new IOException("protobuf-java on the classpath lacks google/protobuf/" + name);
        }
        Files.write(target.resolve(name), in.readAllBytes());
      }
    }
    return dir;
  }
}
