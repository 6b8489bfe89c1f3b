package dev.pyplugins.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyplugins.runtime.RuntimeOptions;
import dev.pyplugins.sample.HostOptions;
import dev.pyplugins.sample.HostStartupException;
import dev.pyplugins.sample.SampleHost;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first errors a person meets, told once with the fix and no library internals. */
class StartupErrorsIT {

  @Test
  void aBusyPortOrADatabaseInUseIsSaidPlainly(@TempDir Path root) throws Exception {
    Path plugins = Files.createDirectories(root.resolve("plugins"));
    try (TestHost first = TestHost.start(root.resolve("a"), plugins)) {
      int port = first.host.uri().getPort();

      assertThatThrownBy(() -> SampleHost.start(HostOptions.local(root.resolve("b"), plugins, port),
          RuntimeOptions.defaults()))
          .isInstanceOf(HostStartupException.class)
          .hasMessage("port " + port + " on 127.0.0.1 is already in use (another sample host, or another server); "
              + "stop it or pick another port with --port N");
      // H2 shares an open database within one JVM: the second host must be another process, as in real life.
      Process second = new ProcessBuilder("java", "-cp", "target/classes" + java.io.File.pathSeparator
          + Files.readString(Path.of("target/classpath.txt")).strip(), "dev.pyplugins.sample.SampleHostMain",
          "--port", "0", "--data-dir", root.resolve("a").toString(), "--plugins-dir", plugins.toString())
          .redirectErrorStream(true).start();
      String output = new String(second.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(second.waitFor()).as(output).isEqualTo(1);
      assertThat(output).contains("sample-host: the database jdbc:h2:file:", "is in use by another process (another "
          + "sample host holds it); stop that one, or give this one its own --data-dir")
          .doesNotContain("Hikari", "Exception", "org.h2", "at dev.");
      assertThat(first.get("/api/v4/system/ping").statusCode()).as("the first host is unharmed").isEqualTo(200);
    }
  }
}
