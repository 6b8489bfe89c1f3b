package dev.pyplugins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.protocol.v1.HookName;
import dev.pyplugins.protocol.v1.Hooks;
import dev.pyplugins.protocol.v1.MessageWillBePostedResponse;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.runtime.internal.endpoint.ApiEndpoint;
import dev.pyplugins.runtime.testing.CallerEchoApi;
import dev.pyplugins.runtime.testing.PluginProcesses;
import dev.pyplugins.runtime.testing.SdkPlugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Python SDK plugins under the whole runtime: load, call hooks and the API, dispatch, stop. */
class PluginEnvironmentTest {
  @TempDir Path plugins;
  private PluginEnvironment environment;
  private final List<PluginStatus> changes = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    if (environment != null) {
      environment.close();
    }
  }

  private PluginEnvironment environment(RuntimeOptions options) {
    environment = PluginEnvironment.builder().pluginsDirectory(plugins).pluginApi(new CallerEchoApi())
        .options(options).listener(changes::add).build();
    return environment;
  }

  @Test
  void loadsSdkPluginsCallsTheirHooksAndApiAndStopsThemPolitely() throws Exception {
    Path alpha = SdkPlugins.plugin(plugins, "com.example.alpha", Map.of());
    SdkPlugins.plugin(plugins, "com.example.beta", Map.of());
    Files.createDirectories(plugins.resolve("broken"));
    Files.writeString(plugins.resolve("broken/plugin.json"), "{\"id\": \"x\", \"server\": {\"runtime\": \"ruby\"}}");

    long start = System.nanoTime();
    List<PluginStatus> loaded = environment(RuntimeOptions.defaults()).loadAll();
    System.out.printf("loadAll: 2 SDK plugins running and 1 bad manifest refused in %d ms%n",
        (System.nanoTime() - start) / 1_000_000);

    assertThat(loaded).extracting(PluginStatus::pluginId).containsExactly("broken/", "com.example.alpha", "com.example.beta");
    assertThat(loaded.get(1).state()).isEqualTo(PluginState.RUNNING);
    assertThat(loaded.get(1).pid()).isPresent();
    assertThat(loaded.get(2).state()).isEqualTo(PluginState.RUNNING);
    PluginStatus broken = loaded.get(0);
    assertThat(broken.state()).isEqualTo(PluginState.FAILED);
    assertThat(broken.lastFailure()).hasValueSatisfying(f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.MANIFEST_INVALID);
      assertThat(f.message()).contains("server.runtime").contains("id:");
    });

    Hooks hooks = environment.hooks("com.example.alpha").orElseThrow();
    MessageWillBePostedResponse answer = hooks.messageWillBePosted(null, Post.newBuilder().setMessage("hi").build());
    assertThat(answer.getPost().getMessage()).isEqualTo("hi [com.example.alpha]");
    // The plugin calls the host API over its own endpoint; the host sees who is calling.
    assertThat(hooks.executeCommand(null, null).getText()).isEqualTo("caller=com.example.alpha");
    assertThat(environment.hooks("com.example.beta").orElseThrow().executeCommand(null, null).getText())
        .isEqualTo("caller=com.example.beta");

    List<String> order = new ArrayList<>();
    environment.runMultiHook(HookName.MESSAGE_WILL_BE_POSTED, (id, h) -> {
      order.add(id);
      return false; // the first plugin stops the chain
    });
    assertThat(order).containsExactly("com.example.alpha");
    List<String> all = new CopyOnWriteArrayList<>();
    environment.broadcast(HookName.MESSAGE_WILL_BE_POSTED, (id, h) -> all.add(h.messageWillBePosted(null,
        Post.newBuilder().setMessage("b").build()).getPost().getMessage()));
    assertThat(all).containsExactlyInAnyOrder("b [com.example.alpha]", "b [com.example.beta]");
    assertThat(environment.metrics().hook(HookName.MESSAGE_WILL_BE_POSTED)).hasValueSatisfying(m -> {
      assertThat(m.calls()).isEqualTo(3);
      assertThat(m.errors()).isZero();
      assertThat(m.p99()).isPositive();
    });

    long pid = loaded.get(1).pid().getAsLong();
    Path socketDir = Path.of(PluginProcesses.environment(pid).get("PLUGIN_UNIX_SOCKET_DIR"));
    assertThat(socketDir.resolve(ApiEndpoint.SOCKET_NAME)).exists();
    long stopStart = System.nanoTime();
    PluginStatus stopped = environment.deactivate("com.example.alpha");
    long stopMs = (System.nanoTime() - stopStart) / 1_000_000;
    System.out.printf("deactivate: OnDeactivate, Shutdown, exit, socket directory removed in %d ms%n", stopMs);
    assertThat(stopMs).as("a polite stop needs no SIGTERM grace").isLessThan(1500);
    assertThat(stopped.state()).isEqualTo(PluginState.STOPPED);
    assertThat(stopped.pid()).isEmpty();
    assertThat(PluginProcesses.alive(pid)).isFalse();
    assertThat(socketDir).doesNotExist();
    assertThat(alpha.resolve("deactivated")).content().contains(Long.toString(pid));
    assertThat(environment.hooks("com.example.alpha")).isEmpty();
    assertThat(changes).extracting(s -> s.pluginId() + ":" + s.state())
        .containsSubsequence("com.example.alpha:STARTING", "com.example.alpha:RUNNING", "com.example.alpha:STOPPING",
            "com.example.alpha:STOPPED");

    PluginStatus again = environment.activate("com.example.alpha");
    assertThat(again.state()).isEqualTo(PluginState.RUNNING);
    assertThat(again.pid().getAsLong()).isNotEqualTo(pid);
  }
}
