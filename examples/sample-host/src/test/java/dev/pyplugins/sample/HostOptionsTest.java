package dev.pyplugins.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

class HostOptionsTest {

  @Test
  void defaultsServeLocallyOnMattermostsPortWithAnH2FileInData() {
    HostOptions options = HostOptions.parse();

    assertThat(options.host()).isEqualTo("127.0.0.1");
    assertThat(options.port()).isEqualTo(8065);
    assertThat(options.pluginsDir()).isEqualTo(Path.of("plugins"));
    assertThat(options.effectiveJdbcUrl()).startsWith("jdbc:h2:file:")
        .contains(Path.of("data").toAbsolutePath().resolve("sample-host").toString());
    assertThat(options.tour()).isFalse();
  }

  @Test
  void everyOptionIsRead(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("db-password"), "p\n");
    HostOptions options = HostOptions.parse(Map.of(), "--host", "0.0.0.0", "--port", "0", "--data-dir", "/tmp/d",
        "--jdbc-url", "jdbc:postgresql://db/sample", "--db-user", "u", "--db-password-file", secret.toString(),
        "--plugins-dir", "pl", "--allowed-host", "chat.example", "--wheel-dir", "w", "--exit-after-tour");

    assertThat(options).isEqualTo(new HostOptions("0.0.0.0", 0, Path.of("/tmp/d"), "jdbc:postgresql://db/sample",
        "u", "p", Path.of("pl"), true, true, List.of("chat.example"), Path.of("w")));
    assertThat(options.effectiveJdbcUrl()).isEqualTo("jdbc:postgresql://db/sample");
  }

  @Test
  void theDatabasePasswordComesFromTheEnvironmentNeverFromTheCommandLine() {
    assertThat(HostOptions.parse(Map.of(HostOptions.DB_PASSWORD_ENV, "from-env")).dbPassword()).isEqualTo("from-env");
    assertThatThrownBy(() -> HostOptions.parse(Map.of(), "--db-password", "hunter2"))
        .hasMessageContaining("process list").hasMessageContaining("--db-password-file")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> HostOptions.parse(Map.of(), "--jdbc-url", "jdbc:postgresql://db/s?password=hunter2"))
        .hasMessageContaining("must not hold the password");
  }

  @Test
  void problemsAreNamed() {
    assertThatThrownBy(() -> HostOptions.parse("--port", "http")).hasMessageContaining("'http'");
    assertThatThrownBy(() -> HostOptions.parse("--port", "70000")).hasMessageContaining("0 to 65535");
    assertThatThrownBy(() -> HostOptions.parse("--data-dir")).hasMessage("--data-dir needs a value");
    assertThatThrownBy(() -> HostOptions.parse("--colour", "--tour", "--nope"))
        .hasMessage("unknown option --colour; unknown option --nope");
  }
}
