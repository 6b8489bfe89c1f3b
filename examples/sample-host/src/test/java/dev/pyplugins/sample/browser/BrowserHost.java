package dev.pyplugins.sample.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.Reaction;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.runtime.RuntimeOptions;
import dev.pyplugins.sample.DemoSeed;
import dev.pyplugins.sample.HostOptions;
import dev.pyplugins.sample.SampleHost;
import dev.pyplugins.sample.api.SampleHostApi;
import dev.pyplugins.sample.db.ProtoJson;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A sample host for the page's tests: in this JVM on a free port, its own database (with the demo's
 * logins, team and channels, as a new host seeds them), copies of the named plugins, and what it needs to
 * make an uploaded plugin's venv (make_venv.py beside the plugins, the build's SDK wheel). The tests act on
 * the page through the browser and look at, or change, the host's side through its Plugin API.
 */
final class BrowserHost implements AutoCloseable {
  private static final Path PYTHON = Path.of(System.getProperty("sample.test.python", "target/test-venv/bin/python"));
  private static final Path EXAMPLES = Path.of(System.getProperty("sample.examples.plugins", "../plugins"));
  private static final Path PROBES = Path.of(System.getProperty("sample.test.plugins", "src/test/plugins"));
  private static final Path WHEELS = Path.of(System.getProperty("sample.test.wheel", "target/wheel"));

  private final SampleHost host;

  private BrowserHost(SampleHost host) {
    this.host = host;
  }

  /** Starts a host under {@code root} with the named plugins (folders of examples/plugins or src/test/plugins). */
  static BrowserHost start(Path root, String... plugins) throws Exception {
    assertThat(PYTHON).as("the test venv's interpreter (made by the build's test-venv step)").exists();
    Path pluginsDir = Files.createDirectories(root.resolve("plugins"));
    for (String name : plugins) {
      copy(pluginSource(name), pluginsDir.resolve(name));
    }
    for (String file : new String[] {"make_venv.py", "constraints.txt"}) { // how an uploaded plugin gets its venv
      Files.copy(EXAMPLES.resolve(file), pluginsDir.resolve(file));
    }
    HostOptions options = new HostOptions("127.0.0.1", 0, root.resolve("data"), null, null, null, pluginsDir,
        false, false, List.of(), WHEELS);
    RuntimeOptions runtime = RuntimeOptions.builder().pythonCommand(PYTHON.toAbsolutePath().toString()).build();
    BrowserHost started = new BrowserHost(SampleHost.start(options, runtime));
    for (String name : plugins) {
      assertThat(started.host.statuses()).as("plugin %s started", name)
          .anyMatch(s -> s.pluginId().equals(manifestId(pluginSource(name))) && s.state().name().equals("RUNNING"));
    }
    return started;
  }

  static Path pluginSource(String name) {
    Path source = Files.isDirectory(EXAMPLES.resolve(name)) ? EXAMPLES.resolve(name) : PROBES.resolve(name);
    assertThat(source.resolve("plugin.json")).as("plugin " + name).exists();
    return source;
  }

  URI uri() {
    return host.uri();
  }

  DemoSeed.DemoLogin login() {
    return host.demoLogin();
  }

  SampleHostApi api() {
    return host.api();
  }

  User user(String username) {
    return api().getUserByUsername(username);
  }

  Channel channel(String name) {
    return api().getChannelByName(api().getTeamByName(login().team()).getId(), name, false);
  }

  /** A post made as that user, through the same API a plugin calls (so hooks and live events fire). */
  Post postAs(String username, String channelName, String message) {
    return postIn(channel(channelName), username, message);
  }

  Post postIn(Channel channel, String username, String message) {
    return api().createPost(Post.newBuilder().setChannelId(channel.getId()).setUserId(user(username).getId())
        .setMessage(message).build());
  }

  void react(String username, String postId, String emoji) {
    api().addReaction(Reaction.newBuilder().setUserId(user(username).getId()).setPostId(postId)
        .setEmojiName(emoji).build());
  }

  List<Post> postsIn(String channelName) {
    return api().getPostsForChannel(channel(channelName).getId(), 0, 100).getPostsMap().values().stream().toList();
  }

  /** The runtime's state of a plugin, or "(not installed)". */
  String statusOf(String pluginId) {
    return host.plugins().status(pluginId).map(s -> s.state().name()).orElse("(not installed)");
  }

  @Override
  public void close() {
    host.close();
  }

  private static String manifestId(Path plugin) {
    try {
      return ProtoJson.merge(Files.readString(plugin.resolve("plugin.json")), Struct.newBuilder())
          .getFieldsOrThrow("id").getStringValue();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
        String relative = from.relativize(file).toString();
        if (relative.equals("venv") && Files.exists(from.resolve("requirements.txt"))) {
          // A plugin with dependencies of its own (the agent) runs on the venv the build made for it.
          Files.createSymbolicLink(to.resolve("venv"), file.toAbsolutePath());
          continue;
        }
        if (relative.startsWith("venv") || relative.contains("__pycache__")) {
          continue;
        }
        if (Files.isDirectory(file)) {
          Files.createDirectories(to.resolve(relative));
        } else {
          Files.copy(file, to.resolve(relative));
        }
      }
    }
  }
}
