package dev.pyplugins.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mattermost's own JavaScript client library ({@code @mattermost/client}: Client4 and WebSocketClient,
 * installed by the build with {@code npm ci} from src/test/node's lockfile) run from Node against the host
 * with the hello plugin and a streaming-reply probe: log in, list channels, post, read posts, receive
 * WebSocket events (src/test/node/client_test.mjs has every check).
 */
class MattermostClientIT {
  private static final Path NODE_TEST = Path.of(System.getProperty("sample.test.node", "src/test/node"));

  @Test
  void mattermostsOwnClientWorksAgainstTheHostUnchanged(@TempDir Path root) throws Exception {
    assertThat(NODE_TEST.resolve("node_modules/@mattermost/client")).as("@mattermost/client (the build's npm ci "
        + "in src/test/node; Node 20+ and npm must be on the PATH)").isDirectory();
    try (TestHost host = TestHost.start(root.resolve("data"), TestHost.plugins(root, "hello", "events_probe"))) {
      Path log = root.resolve("node.log");
      Process node = new ProcessBuilder(List.of("node", "--experimental-websocket", "client_test.mjs",
          host.uri("").toString().replaceAll("/$", ""), host.host.demoLogin().admin(),
          host.host.demoLogin().adminPassword())).directory(NODE_TEST.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      boolean finished = node.waitFor(120, TimeUnit.SECONDS);
      if (!finished) {
        node.destroyForcibly();
      }
      String output = read(log);
      System.out.println(output);
      assertThat(finished).as("node finished within 120 s:\n" + output).isTrue();
      assertThat(node.exitValue()).as(output).isZero();
      assertThat(output).contains("ok - login returns the user and a token", "ok - the WebSocket delivers posted",
          "ok - a plugin reply edited word by word is seen growing", "all checks passed").doesNotContain("not ok");
    }
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
