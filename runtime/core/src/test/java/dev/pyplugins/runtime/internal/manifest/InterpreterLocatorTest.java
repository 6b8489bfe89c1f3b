package dev.pyplugins.runtime.internal.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyplugins.runtime.FailureKind;
import dev.pyplugins.runtime.PluginException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterpreterLocatorTest {
  @TempDir Path tmp;
  private Path plugin;
  private Path pathDir;

  @BeforeEach
  void layout() throws IOException {
    plugin = Files.createDirectory(tmp.resolve("plugin"));
    Files.writeString(plugin.resolve("plugin.py"), "print(1)\n");
    pathDir = Files.createDirectory(tmp.resolve("bin"));
  }

  /** A stand-in interpreter that answers the version probe with {@code version}. */
  private static Path fakePython(Path file, String version) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\necho " + version + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private ValidatedManifest manifest(String versionSpec) {
    return new ValidatedManifest("com.example.py", "py", "", plugin, ServerRuntime.PYTHON, plugin.resolve("plugin.py"),
        versionSpec == null ? PythonVersionRequirement.any() : PythonVersionRequirement.parse(versionSpec), "{}");
  }

  @Test
  void venvComesBeforeDotVenvAndThePath() throws IOException {
    fakePython(pathDir.resolve("python3"), "3.12.1");
    fakePython(plugin.resolve(".venv/bin/python3"), "3.11.0");
    Path venv = fakePython(plugin.resolve("venv/bin/python"), "3.10.4");

    Interpreter found = new InterpreterLocator("python3", pathDir.toString()).locate(manifest(">=3.10"));

    assertThat(found.executable()).isEqualTo(venv);
    assertThat(found.version()).isEqualTo(new PythonVersion(3, 10, 4));
  }

  @Test
  void pathIsSearchedWhenThePluginHasNoVenv() throws IOException {
    Path onPath = fakePython(pathDir.resolve("python3"), "3.12.1");

    Interpreter found = new InterpreterLocator("python3", "/nonexistent:" + pathDir).locate(manifest(null));

    assertThat(found.executable()).isEqualTo(onPath);
  }

  @Test
  void venvInterpreterNotMeetingTheRequirementIsRejectedWithoutFallingBack() throws IOException {
    fakePython(pathDir.resolve("python3"), "3.12.1");
    fakePython(plugin.resolve("venv/bin/python3"), "3.9.18");

    assertThatThrownBy(() -> new InterpreterLocator("python3", pathDir.toString()).locate(manifest(">=3.10")))
        .isInstanceOfSatisfying(PluginException.class, e -> {
          assertThat(e.kind()).isEqualTo(FailureKind.INTERPRETER_UNSUITABLE);
          assertThat(e.getMessage()).contains("server.python.version '>=3.10' is not met by")
              .contains("venv/bin/python3 (Python 3.9.18)");
        });
  }

  @Test
  void anSdkPluginOnAnInterpreterWithoutTheSdkFailsSayingHowToMakeItsVenv() throws IOException {
    Files.writeString(plugin.resolve("plugin.py"), "from mattermost_plugin import Plugin, hook\n");
    fakePython(pathDir.resolve("python3"), "3.12.1 False");

    assertThatThrownBy(() -> new InterpreterLocator("python3", pathDir.toString()).locate(manifest(null)))
        .isInstanceOfSatisfying(PluginException.class, e -> {
          assertThat(e.kind()).isEqualTo(FailureKind.INTERPRETER_UNSUITABLE);
          assertThat(e.getMessage()).contains("cannot import the SDK (mattermost_plugin), which plugin.py imports")
              .contains("python3 -m venv " + plugin + "/venv && " + plugin + "/venv/bin/pip install");
        });
  }

  @Test
  void theSdkCheckAppliesOnlyToPluginsThatImportIt() throws IOException {
    fakePython(pathDir.resolve("python3"), "3.12.1 False");
    assertThat(new InterpreterLocator("python3", pathDir.toString()).locate(manifest(null)).version())
        .as("a plugin without the SDK").isEqualTo(new PythonVersion(3, 12, 1));

    Files.writeString(plugin.resolve("plugin.py"), "import mattermost_plugin\n");
    fakePython(pathDir.resolve("python3"), "3.12.1 True");
    assertThat(new InterpreterLocator("python3", pathDir.toString()).locate(manifest(null)).version())
        .as("an SDK plugin on an interpreter that has it").isEqualTo(new PythonVersion(3, 12, 1));
  }

  @Test
  void missingInterpreterSaysWhereItLooked() {
    assertThatThrownBy(() -> new InterpreterLocator("python3", pathDir.toString()).locate(manifest(null)))
        .isInstanceOfSatisfying(PluginException.class, e -> {
          assertThat(e.kind()).isEqualTo(FailureKind.INTERPRETER_NOT_FOUND);
          assertThat(e.getMessage()).contains("venv/bin/python3", ".venv/bin/python", "'python3' on the PATH");
        });
  }

  @Test
  void interpreterThatFailsTheProbeIsReported() throws IOException {
    Path broken = plugin.resolve("venv/bin/python3");
    Files.createDirectories(broken.getParent());
    Files.writeString(broken, "#!/bin/sh\necho 'boom' >&2\nexit 3\n");
    Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThatThrownBy(() -> new InterpreterLocator("python3", "").locate(manifest(null)))
        .isInstanceOfSatisfying(PluginException.class, e -> {
          assertThat(e.kind()).isEqualTo(FailureKind.INTERPRETER_NOT_FOUND);
          assertThat(e.getMessage()).contains("exited with status 3: boom");
        });
  }

  @Test
  void realPythonOnThePathReportsItsVersion() {
    Interpreter found = InterpreterLocator.onSystemPath("python3").locate(manifest(">=3"));

    assertThat(found.version().major()).isEqualTo(3);
  }
}
