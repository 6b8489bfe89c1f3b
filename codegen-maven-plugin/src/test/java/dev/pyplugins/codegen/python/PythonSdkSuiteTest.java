package dev.pyplugins.codegen.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the SDK's Python tests ({@code python-sdk-templates/tests}: pytest over the SDK, the handshake,
 * the servicer, streaming, and mypy --strict) against the wheel generated from the full protocol, in a
 * venv made from PyPI with the pinned requirements ({@code target/python-venv}).
 */
class PythonSdkSuiteTest {

  @Test
  void thePythonTestsPassAgainstTheGeneratedWheel() throws IOException, InterruptedException {
    Path wheel = GeneratedSdk.wheel().toAbsolutePath();
    Path tests = Path.of(System.getProperty("python.sdk.tests", "../python-sdk-templates/tests")).toAbsolutePath();
    Process process = new ProcessBuilder(System.getProperty("python.executable", "python3"),
        tests.resolve("run.py").toString(), "--wheel", wheel.toString(), "--venv",
        Path.of("target/python-venv").toAbsolutePath().toString(), "--", "-rs", "-s")
        .redirectErrorStream(true).start();
    process.getOutputStream().close();
    StringBuilder output = new StringBuilder();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        System.out.println("[python] " + line);
        output.append(line).append('\n');
      }
    }
    assertThat(process.waitFor(20, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as("python tests failed:\n%s", output).isZero();
    assertThat(output).containsPattern("\\d+ passed").doesNotContain(" failed").doesNotContain(" skipped");
  }
}
