package dev.pyplugins.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyplugins.sample.Tour;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** demo.sh's tour: it checks what each step shows, and each run starts from the plugins' default settings. */
class TourIT {

  @Test
  void theTourPassesAfterAnEarlierRunChangedTheSettings(@TempDir Path root) throws Exception {
    try (TestHost host = TestHost.start(root.resolve("data"), TestHost.plugins(root, "hello", "streaming"))) {
      host.put("/api/v4/plugins/com.example.hello/config", "{\"BlockedWord\":\"plugins\"}"); // as a visitor left it
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      new Tour(host.host.uri(), host.host.demoLogin(), new PrintStream(out, true, StandardCharsets.UTF_8)).run();

      assertThat(out.toString(StandardCharsets.UTF_8)).contains("stored: I think the plugins work (HTTP 201)",
          "HTTP 400: Post rejected by plugin. the word 'badword' is not allowed here", "local sha256", ": same");
    }
  }

  @Test
  void aStepThatDoesNotDoWhatItShowsFailsTheTour(@TempDir Path root) throws Exception {
    Path plugins = TestHost.plugins(root, "hello", "streaming");
    Path code = plugins.resolve("hello/plugin.py");
    Files.writeString(code, Files.readString(code).replace("TYPO.sub(\"the\", post.message)", "post.message"));
    try (TestHost host = TestHost.start(root.resolve("data"), plugins)) {
      Tour tour = new Tour(host.host.uri(), host.host.demoLogin(), new PrintStream(new ByteArrayOutputStream(), true,
          StandardCharsets.UTF_8));

      assertThatThrownBy(tour::run).isInstanceOf(Tour.StepFailed.class)
          .hasMessage("step 1: the plugin did not fix the typo, stored 'I think teh plugins work'");
    }
  }
}
