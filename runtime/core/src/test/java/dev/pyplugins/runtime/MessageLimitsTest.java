package dev.pyplugins.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.pyplugins.protocol.v1.Hooks;
import dev.pyplugins.protocol.v1.MessageWillBePostedResponse;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.PluginApiServer;
import dev.pyplugins.protocol.v1.UnsupportedPluginApi;
import dev.pyplugins.runtime.support.HookCallException;
import dev.pyplugins.runtime.support.PluginCaller;
import dev.pyplugins.runtime.testing.SdkPlugins;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A plugin sending the host more than {@link RuntimeOptions#maxMessageSize()}: a huge CreatePost on its API
 * endpoint, a hook answering with a huge post. Each is refused before it is read, with an error naming the
 * limit (and, where the host can say it, the option), and the next calls work.
 */
class MessageLimitsTest {
  private static final int LIMIT = 1 << 20;
  private static final int OVER = 3 << 20;

  @TempDir Path plugins;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  // The generated HooksClient logs through System.Logger, which is java.util.logging here.
  private final java.util.logging.Logger julHooksClient =
      java.util.logging.Logger.getLogger(dev.pyplugins.protocol.v1.HooksClient.class.getName());
  private final List<String> hooksClientLog = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final java.util.logging.Handler julCapture = new java.util.logging.Handler() {
    @Override
    public void publish(java.util.logging.LogRecord record) {
      hooksClientLog.add(record.getMessage() + (record.getThrown() == null ? "" : " " + record.getThrown()));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };

  @BeforeEach
  void captureLogs() {
    logs.start();
    root.addAppender(logs);
    julHooksClient.addHandler(julCapture);
  }

  @AfterEach
  void release() {
    root.detachAppender(logs);
    julHooksClient.removeHandler(julCapture);
  }

  @Test
  void aCreatePostOverTheLimitIsRefusedUnreadAndThePluginsNextCallWorks() {
    SdkPlugins.plugin(plugins, "com.example.big", Map.of("big_post_bytes", OVER));
    CountingApi api = new CountingApi();
    try (PluginEnvironment environment = environment(api)) {
      environment.loadAll();
      Hooks hooks = environment.hooks("com.example.big").orElseThrow();

      String answer = hooks.executeCommand(null, null).getText();

      System.out.printf("API message limit: a %d-byte CreatePost with a %d-byte limit -> %s%n", OVER, LIMIT, answer);
      assertThat(answer).startsWith("refused: ").contains("RESOURCE_EXHAUSTED").contains(String.valueOf(LIMIT))
          .endsWith(" | then: caller=com.example.big");
      assertThat(api.createPosts).hasValue(0);
      assertThat(logLines()).anySatisfy(line -> assertThat(line).contains("com.example.big")
          .contains("CreatePost").contains("RuntimeOptions.maxMessageSize").contains(String.valueOf(LIMIT)));
      assertThat(environment.status("com.example.big").orElseThrow().state()).isEqualTo(PluginState.RUNNING);
    }
  }

  @Test
  void aHookAnswerOverTheLimitFailsThatCallClearlyAndTheNextCallsWork() {
    SdkPlugins.plugin(plugins, "com.example.grow", Map.of("grow_post_bytes", OVER));
    SdkPlugins.plugin(plugins, "com.example.small", Map.of());
    try (PluginEnvironment environment = environment(new CountingApi())) {
      environment.loadAll();
      Hooks grow = environment.hooks("com.example.grow").orElseThrow();
      Post eightBytes = Post.newBuilder().setMessage("8 bytes!").build();

      // A "Will" hook fails open: the post goes on unchanged, and the warning names the limit and the option.
      MessageWillBePostedResponse answer = grow.messageWillBePosted(null, eightBytes);
      assertThat(answer.hasPost()).isFalse();
      assertThat(answer.getRejectionReason()).isEmpty();
      assertThat(hooksClientLog).anySatisfy(line -> assertThat(line).contains("MessageWillBePosted")
          .contains("RESOURCE_EXHAUSTED").contains("RuntimeOptions.maxMessageSize").contains(String.valueOf(LIMIT)));
      // Another hook throws, saying the same.
      HookCallException error = catchThrowableOfType(HookCallException.class, () -> grow.executeCommand(null, null));
      System.out.printf("hook answer limit: a %d-byte ExecuteCommand answer with a %d-byte limit -> %s%n", OVER, LIMIT,
          error.getMessage());
      assertThat(error.status().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
      assertThat(error.getMessage()).contains("ExecuteCommand").contains("RuntimeOptions.maxMessageSize")
          .contains(String.valueOf(LIMIT));

      // The host and both plugins carry on.
      assertThat(environment.status("com.example.grow").orElseThrow().state()).isEqualTo(PluginState.RUNNING);
      assertThat(grow.messageWillBePosted(null, eightBytes).hasPost()).isFalse();
      assertThat(environment.hooks("com.example.small").orElseThrow().messageWillBePosted(null, eightBytes).getPost()
          .getMessage()).isEqualTo("8 bytes! [com.example.small]");
    }
  }

  @Test
  void theDefaultLimitIs64MiBAndTheOptionHasLimits() {
    assertThat(RuntimeOptions.defaults().maxMessageSize()).isEqualTo(64 << 20);
    assertThat(catchThrowableOfType(IllegalArgumentException.class,
        () -> RuntimeOptions.builder().maxMessageSize(1000).build())).hasMessageContaining("maxMessageSize");
  }

  private PluginEnvironment environment(UnsupportedPluginApi api) {
    return PluginEnvironment.builder().pluginsDirectory(plugins).pluginApi(api)
        .options(RuntimeOptions.builder().maxMessageSize(LIMIT).build()).build();
  }

  private List<String> logLines() {
    return logs.list.stream().map(e -> e.getFormattedMessage()
        + (e.getThrowableProxy() == null ? "" : " " + ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
  }

  /** Says who calls GetServerVersion and counts the CreatePost calls that reach it. */
  private static final class CountingApi extends UnsupportedPluginApi {
    final AtomicInteger createPosts = new AtomicInteger();

    @Override
    public String getServerVersion() {
      return "caller=" + PluginApiServer.caller().map(PluginCaller::pluginId).orElse("none");
    }

    @Override
    public Post createPost(Post post) {
      createPosts.incrementAndGet();
      return post;
    }
  }
}
