package dev.pyplugins.codegen.maven;

import java.util.Locale;
import java.util.Optional;

/**
 * The classifier of the protoc build for a platform, as published on Maven Central
 * ({@code com.google.protobuf:protoc:<version>:exe:<classifier>}).
 */
final class ProtocClassifier {

  private ProtocClassifier() {}

  /** The classifier for this JVM's platform. */
  static Optional<String> current() {
    return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
  }

  /**
   * The classifier for the given {@code os.name} and {@code os.arch}, or empty when protoc is not
   * published for that platform.
   */
  static Optional<String> of(String osName, String osArch) {
    String name = osName.toLowerCase(Locale.ROOT);
    String os;
    if (name.startsWith("linux")) {
      os = "linux";
    } else if (name.startsWith("mac") || name.startsWith("darwin")) {
      os = "osx";
    } else if (name.startsWith("windows")) {
      os = "windows";
    } else {
      return Optional.empty();
    }
    String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64", "x64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch_64";
      case "ppc64le" -> "ppcle_64";
      case "s390x" -> "s390_64";
      default -> null;
    };
    if (arch == null) {
      return Optional.empty();
    }
    boolean published = switch (os) {
      case "linux" -> true;
      case "osx" -> arch.equals("x86_64") || arch.equals("aarch_64");
      default -> arch.equals("x86_64");
    };
    return published ? Optional.of(os + "-" + arch) : Optional.empty();
  }
}
