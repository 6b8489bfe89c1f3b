package dev.pyplugins.runtime.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Python plugins made with the SDK, for tests: a venv under {@code target/} with the SDK wheel the build
 * made (resolved by Maven into {@code target/test-inputs/sdk.whl}) and pinned grpcio/protobuf from PyPI,
 * made once and reused while the wheel and the pins are unchanged; and plugin directories holding the
 * fixture plugin ({@code src/test/resources/sdk-fixture}) with a {@code venv} link to it, so the runtime's
 * venv-first discovery picks it.
 */
public final class SdkPlugins {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path venv;

  private SdkPlugins() {}

  /** {@code target/}, from the surefire property that locates the test inputs. */
  public static Path targetDirectory() {
    String inputs = Objects.requireNonNull(System.getProperty("pyplugins.test.inputs"),
        "system property pyplugins.test.inputs (set by the pom) is missing; run the tests through Maven");
    return Path.of(inputs).toAbsolutePath().getParent();
  }

  /** The SDK wheel the build resolved. */
  public static Path wheel() {
    Path wheel = Path.of(System.getProperty("pyplugins.test.inputs"), "sdk.whl");
    if (!Files.isRegularFile(wheel)) {
      throw new IllegalStateException("the SDK wheel " + wheel + " is missing: build generated-samples first"
          + " (./mvnw install -pl runtime/core -am)");
    }
    return wheel;
  }

  /** The venv with the SDK installed; made on first use. */
  public static synchronized Path venv() {
    if (venv == null) {
      venv = makeVenv(targetDirectory().resolve("sdk-venv"));
    }
    return venv;
  }

  /** The venv's interpreter. */
  public static Path python() {
    return venv().resolve("bin/python");
  }

  /**
   * Makes {@code <pluginsRoot>/<id>}: the fixture plugin, its manifest, {@code fixture.json} from
   * {@code behaviour}, and a {@code venv} link to the SDK venv.
   */
  public static Path plugin(Path pluginsRoot, String id, Map<String, ?> behaviour) {
    return plugin(pluginsRoot, id, behaviour, "plugin.py");
  }

  /** As {@link #plugin(Path, String, Map)}, with {@code sdk-fixture/<script>} as the plugin's code. */
  public static Path plugin(Path pluginsRoot, String id, Map<String, ?> behaviour, String script) {
    try {
      Path dir = Files.createDirectories(pluginsRoot.resolve(id));
      try (InputStream source = SdkPlugins.class.getResourceAsStream("/sdk-fixture/" + script)) {
        Files.copy(Objects.requireNonNull(source, "sdk-fixture/" + script), dir.resolve("plugin.py"),
            StandardCopyOption.REPLACE_EXISTING);
      }
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("id", id);
      manifest.put("version", "1.0.0");
      manifest.put("server", Map.of("runtime", "python", "python", Map.of("entry_point", "plugin.py")));
      JSON.writeValue(dir.resolve("plugin.json").toFile(), manifest);
      JSON.writeValue(dir.resolve("fixture.json").toFile(), behaviour);
      Path link = dir.resolve("venv");
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, venv());
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path makeVenv(Path dir) {
    try {
      Path wheel = wheel();
      byte[] requirements;
      try (InputStream in = SdkPlugins.class.getResourceAsStream("/sdk-fixture/requirements.txt")) {
        requirements = Objects.requireNonNull(in, "sdk-fixture/requirements.txt").readAllBytes();
      }
      String stamp = sha256(Files.readAllBytes(wheel)) + " " + sha256(requirements);
      Path stampFile = dir.resolve("pyplugins.stamp");
      if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp)
          && Files.isExecutable(dir.resolve("bin/python"))) {
        return dir;
      }
      String python = System.getProperty("pyplugins.python", "python3");
      run(List.of(python, "-m", "venv", "--clear", dir.toString()));
      Path requirementsFile = dir.resolve("requirements.txt");
      Files.write(requirementsFile, requirements);
      // pip wants a wheel's real file name: read it from the wheel's own metadata.
      Path named = dir.resolve(wheelFileName(wheel));
      Files.copy(wheel, named, StandardCopyOption.REPLACE_EXISTING);
      run(List.of(dir.resolve("bin/python").toString(), "-m", "pip", "install", "-q", "--disable-pip-version-check",
          "-r", requirementsFile.toString(), named.toString()));
      Files.writeString(stampFile, stamp);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code <name>-<version>-py3-none-any.whl} from the wheel's {@code *.dist-info} directory name. */
  static String wheelFileName(Path wheel) throws IOException {
    try (ZipFile zip = new ZipFile(wheel.toFile())) {
      return zip.stream().map(ZipEntry::getName).filter(n -> n.matches("[^/]+\\.dist-info/WHEEL")).findFirst()
          .map(n -> n.substring(0, n.indexOf(".dist-info/")) + "-py3-none-any.whl")
          .orElseThrow(() -> new IOException(wheel + " has no .dist-info/WHEEL: not a wheel"));
    }
  }

  private static void run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    try {
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed:\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + command, e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
