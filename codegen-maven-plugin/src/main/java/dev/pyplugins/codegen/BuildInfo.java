package dev.pyplugins.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Facts about this build of the code generator, from a resource Maven filters when it builds the plugin:
 * the plugin's own version and the protobuf and grpc-java code generator versions it was built and tested with.
 */
public final class BuildInfo {

  private static final String RESOURCE = "build.properties";
  private static final Properties PROPERTIES = load();

  private BuildInfo() {}

  /** The code generator's version, such as {@code 0.1.0}. */
  public static String version() {
    return get("version");
  }

  /** The protobuf (and so protoc) version the generator was built with, such as {@code 4.36.2}. */
  public static String protobufVersion() {
    return get("protobuf.version");
  }

  /**
   * The version of grpc-java's protoc plugin ({@code io.grpc:protoc-gen-grpc-java}) the generator resolves by
   * default, such as {@code 1.83.1}; its stubs run on any grpc-java runtime from that version on.
   */
  public static String grpcCompilerVersion() {
    return get("grpc.compiler.version");
  }

  private static String get(String key) {
    String value = PROPERTIES.getProperty(key);
    if (value == null || value.isBlank() || value.startsWith("${")) {
      throw new IllegalStateException(BuildInfo.class.getPackageName() + "/" + RESOURCE + " lacks " + key
          + ": the plugin was built without resource filtering");
    }
    return value;
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
