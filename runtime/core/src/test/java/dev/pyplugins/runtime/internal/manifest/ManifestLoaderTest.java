package dev.pyplugins.runtime.internal.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyplugins.runtime.FailureKind;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestLoaderTest {
  private final ManifestLoader loader = new ManifestLoader("linux-amd64");

  static Path fixture(String name) {
    try {
      return Path.of(ManifestLoaderTest.class.getResource("/manifests/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0} is rejected naming {1}")
  @CsvSource(delimiter = '|', textBlock = """
      not-json                  | plugin.json               | not valid JSON at line 2, column 1: the text ends inside an object
      not-object                | plugin.json               | must be a JSON object, was an array
      duplicate-key             | plugin.json               | a key appears twice in one object
      missing-id                | id                        | missing
      id-bad-chars              | id                        | may only contain letters, digits
      id-too-short              | id                        | must be 3 to 190 characters long, was 2
      id-wrong-type             | id                        | must be a string, was a number
      version-not-semver        | version                   | '1.0' is not a semantic version
      no-server                 | server                    | missing
      server-wrong-type         | server                    | must be an object, was a string
      unknown-runtime           | server.runtime            | unknown runtime 'ruby'
      entry-absolute            | server.python.entry_point | must be relative to the plugin directory
      entry-dotdot              | server.python.entry_point | must not contain '..'
      entry-missing-file        | server.python.entry_point | 'server/plugin.py' not found
      entry-not-python          | server.python.entry_point | must be a Python file ending in .py
      entry-wrong-type          | server.python.entry_point | must be a string, was an array
      entry-is-directory        | server.python.entry_point | is not a regular file
      python-missing-entry      | server.python.entry_point | missing; name the plugin's Python file
      python-wrong-type         | server.python             | must be an object, was a string
      bad-python-version        | server.python.version     | malformed clause '>= three'
      wildcard-misuse           | server.python.version     | '.*' is only allowed with == and !=
      native-missing-executable | server.executable         | missing
      executables-wrong-type    | server.executables        | must be an object mapping platforms
      """)
  void invalidManifestIsRejectedWithTheFieldNamed(String fixture, String field, String message) {
    assertThatThrownBy(() -> loader.load(fixture(fixture)))
        .isInstanceOfSatisfying(InvalidManifestException.class, e -> {
          assertThat(e.kind()).isEqualTo(FailureKind.MANIFEST_INVALID);
          assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.message()).contains(message);
          });
          assertThat(e.getMessage()).contains(field + ": ").contains(message);
        });
  }

  @Test
  void everyProblemOfOneManifestIsReportedAtOnce() {
    assertThatThrownBy(() -> loader.load(fixture("many-problems")))
        .isInstanceOfSatisfying(InvalidManifestException.class, e -> assertThat(e.problems())
            .extracting(ManifestProblem::field)
            .containsExactly("id", "version", "min_server_version", "server.python.version",
                "server.python.entry_point"));
  }

  @Test
  void missingManifestFileIsReported(@TempDir Path dir) {
    assertThatThrownBy(() -> loader.load(dir))
        .isInstanceOfSatisfying(InvalidManifestException.class, e -> {
          assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("plugin.json");
            assertThat(p.message()).startsWith("not found in ");
          });
        });
  }

  @Test
  void symlinkLeadingOutOfThePluginDirectoryIsRejected(@TempDir Path dir) throws IOException {
    Path outside = Files.writeString(dir.resolve("outside.py"), "print(1)");
    Path plugin = Files.createDirectory(dir.resolve("plugin"));
    Files.createSymbolicLink(plugin.resolve("plugin.py"), outside);
    Files.writeString(plugin.resolve("plugin.json"),
        "{\"id\":\"com.example.link\",\"server\":{\"executable\":\"plugin.py\"}}");

    assertThatThrownBy(() -> loader.load(plugin))
        .isInstanceOfSatisfying(InvalidManifestException.class, e -> assertThat(e.problems()).singleElement()
            .isEqualTo(new ManifestProblem("server.executable",
                "'plugin.py' is a link that leads outside the plugin directory")));
  }

  @Test
  void pythonManifestIsReadWithEntryPointAndVersionRequirement() {
    ValidatedManifest m = loader.load(fixture("valid-python"));

    assertThat(m.id()).isEqualTo("com.example.hello-python");
    assertThat(m.name()).isEqualTo("Hello Python");
    assertThat(m.version()).isEqualTo("1.2.3");
    assertThat(m.runtime()).isEqualTo(ServerRuntime.PYTHON);
    assertThat(m.entryPoint()).isEqualTo(fixture("valid-python").resolve("server/plugin.py"));
    assertThat(m.pythonVersion().toString()).isEqualTo(">=3.10, <4");
    assertThat(m.pythonVersion().isSatisfiedBy(new PythonVersion(3, 11, 7))).isTrue();
    assertThat(m.pythonVersion().isSatisfiedBy(new PythonVersion(3, 9, 18))).isFalse();
    assertThat(m.json()).contains("\"settings_schema\"");
  }

  @Test
  void pyExecutableWithoutRuntimeMeansPython() {
    ValidatedManifest m = loader.load(fixture("valid-py-executable"));

    assertThat(m.runtime()).isEqualTo(ServerRuntime.PYTHON);
    assertThat(m.name()).isEqualTo(m.id());
    assertThat(m.pythonVersion()).isSameAs(PythonVersionRequirement.any());
  }

  @Test
  void nativeExecutableIsChosenForThisPlatform(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("server/dist"));
    Path exe = Files.writeString(dir.resolve("server/dist/plugin-linux-amd64"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(dir.resolve("plugin.json"), """
        {"id": "com.example.go", "server": {"executables": {
          "linux-amd64": "server/dist/plugin-linux-amd64",
          "darwin-arm64": "server/dist/plugin-darwin-arm64"}}}
        """);

    ValidatedManifest m = loader.load(dir);

    assertThat(m.runtime()).isEqualTo(ServerRuntime.NATIVE);
    assertThat(m.entryPoint()).isEqualTo(exe.toAbsolutePath());
  }

  @Test
  void nativeExecutableWithoutExecuteBitIsRejected(@TempDir Path dir) throws IOException {
    Path exe = Files.writeString(dir.resolve("plugin"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rw-r--r--"));
    Files.writeString(dir.resolve("plugin.json"), "{\"id\":\"com.example.noexec\",\"server\":{\"executable\":\"plugin\"}}");

    assertThatThrownBy(() -> loader.load(dir))
        .isInstanceOfSatisfying(InvalidManifestException.class, e -> assertThat(e.problems()).singleElement()
            .isEqualTo(new ManifestProblem("server.executable", "'plugin' is not executable (chmod +x it)")));
  }
}
