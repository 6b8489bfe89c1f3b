package dev.pyplugins.codegen.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import dev.pyplugins.runtime.support.HookCallException;
import dev.pyplugins.runtime.support.HookCallOptions;
import dev.pyplugins.runtime.support.HookNotImplementedException;
import io.grpc.Channel;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the generated hooks client of the full protocol treats missing hooks, failures and deadlines. */
class HooksClientBehaviourTest {

  private static final String PACKAGE = ApiConformanceTest.PACKAGE;
  private static final String SERVICE = "mattermost.pluginapi.v1.PluginHooks/";

  private final Javac.Result compiled = Javac.fullProtocol();
  private final Class<?> grpcClass = compiled.load(PACKAGE + "PluginHooksGrpc");
  private FakePlugin plugin;
  private InProcess grpc;

  @BeforeEach
  void connect() {
    plugin = new FakePlugin();
    grpc = new InProcess(plugin.definition(
        (ServiceDescriptor) Reflect.callStatic(grpcClass, "getServiceDescriptor", new Class<?>[0])));
  }

  @AfterEach
  void stop() throws InterruptedException {
    grpc.close();
  }

  @Test
  void aHookThePluginLacksIsNeverCalledAndGivesItsNeutralResult() {
    implementing("OnActivate");
    Object hooks = client(HookCallOptions.defaults());
    Message post = sample("Post");

    assertThat(call(hooks, "messageWillBePosted", sample("PluginContext"), post))
        .isEqualTo(defaultInstance("MessageWillBePostedResponse"));
    assertThat(call(hooks, "userWillLogIn", sample("PluginContext"), sample("User"))).isEqualTo("");
    assertThat(call(hooks, "executeCommand", sample("PluginContext"), sample("CommandArgs"))).isNull();
    assertThat(call(hooks, "onSharedChannelsPing", sample("RemoteCluster"))).isEqualTo(false);
    assertThat(call(hooks, "runDataRetention", 1L, 2L)).isEqualTo(0L);
    assertThat(call(hooks, "generateSupportData", sample("PluginContext"))).isEqualTo(List.of());
    assertThat(call(hooks, "messagesWillBeConsumed", List.of(post))).as("posts pass through unchanged")
        .isEqualTo(List.of(post));
    assertThat(call(hooks, "onDeactivate")).isNull();
    assertThatThrownBy(() -> call(hooks, "serveHTTP", sample("PluginContext"), sample("HTTPRequestHead"),
        InputStream.nullInputStream(), new RecordingSink()))
        .isInstanceOfSatisfying(HookNotImplementedException.class, e -> assertThat(e.hookName()).isEqualTo("ServeHTTP"));

    for (String hook : List.of("MessageWillBePosted", "UserWillLogIn", "ExecuteCommand", "OnSharedChannelsPing",
        "RunDataRetention", "GenerateSupportData", "MessagesWillBeConsumed", "OnDeactivate", "ServeHTTP")) {
      assertThat(plugin.received(SERVICE + hook)).as(hook).isEmpty();
    }
  }

  @Test
  void thePluginIsAskedOnceWhichHooksItImplements() {
    implementing("OnActivate", "OnDeactivate");
    plugin.answer(SERVICE + "OnActivate", FakePlugin.Answer.of(defaultInstance("OnActivateResponse")));
    plugin.answer(SERVICE + "OnDeactivate", FakePlugin.Answer.of(defaultInstance("OnDeactivateResponse")));
    Object hooks = client(HookCallOptions.defaults());

    call(hooks, "onActivate");
    call(hooks, "onDeactivate");
    assertThat(call(hooks, "isImplemented", hookName("ON_ACTIVATE"))).isEqualTo(true);
    assertThat(call(hooks, "isImplemented", hookName("SERVE_HTTP"))).isEqualTo(false);

    assertThat(plugin.received(SERVICE + "Implemented")).hasSize(1);
    assertThat(plugin.received(SERVICE + "OnActivate")).hasSize(1);
  }

  @Test
  void willHooksFailOpenWhenThePluginCannotBeReachedOrAnswersWithAnError() {
    implementing("MessageWillBePosted", "UserWillLogIn", "FileWillBeUploaded");
    plugin.answer(SERVICE + "MessageWillBePosted", FakePlugin.Answer.failing(Status.UNAVAILABLE));
    plugin.answer(SERVICE + "UserWillLogIn", FakePlugin.Answer.of(withError("UserWillLogInResponse")));
    plugin.answer(SERVICE + "FileWillBeUploaded", FakePlugin.Answer.failing(Status.INTERNAL));
    Object hooks = client(HookCallOptions.defaults());
    RecordingSink sink = new RecordingSink();

    assertThat(call(hooks, "messageWillBePosted", sample("PluginContext"), sample("Post")))
        .isEqualTo(defaultInstance("MessageWillBePostedResponse"));
    assertThat(call(hooks, "userWillLogIn", sample("PluginContext"), sample("User"))).isEqualTo("");
    call(hooks, "fileWillBeUploaded", sample("PluginContext"), sample("FileInfo"),
        new ByteArrayInputStream(new byte[100_000]), sink);

    assertThat(sink.heads).as("no verdict: keep the upload as it is").isEmpty();
    assertThat(plugin.received(SERVICE + "MessageWillBePosted")).hasSize(1);
  }

  @Test
  void otherHooksThrowTransportFailuresAndErrorAnswers() {
    implementing("OnActivate", "ExecuteCommand");
    plugin.answer(SERVICE + "OnActivate", FakePlugin.Answer.failing(Status.UNAVAILABLE.withDescription("gone")));
    Message commandFailed = withError("ExecuteCommandResponse");
    plugin.answer(SERVICE + "ExecuteCommand", FakePlugin.Answer.of(commandFailed));
    Object hooks = client(HookCallOptions.defaults());

    assertThatThrownBy(() -> call(hooks, "onActivate")).isInstanceOfSatisfying(HookCallException.class, e -> {
      assertThat(e.hookName()).isEqualTo("OnActivate");
      assertThat(e.status().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    });
    assertThatThrownBy(() -> call(hooks, "executeCommand", sample("PluginContext"), sample("CommandArgs")))
        .satisfies(e -> assertThat(AppErrors.of((RuntimeException) e))
            .isEqualTo(commandFailed.getField(RawCalls.field(commandFailed, "error"))));
  }

  @Test
  void unaryHooksCarryTheDefaultDeadlineAndStreamingHooksNone() {
    implementing("OnActivate", "ServeHTTP");
    plugin.answer(SERVICE + "OnActivate", FakePlugin.Answer.of(defaultInstance("OnActivateResponse")));
    plugin.answer(SERVICE + "ServeHTTP", FakePlugin.Answer.of(defaultInstance("ServeHTTPResponse")));
    Object hooks = client(HookCallOptions.defaults());

    call(hooks, "onActivate");
    call(hooks, "serveHTTP", sample("PluginContext"), sample("HTTPRequestHead"), InputStream.nullInputStream(),
        new RecordingSink());

    long remaining = plugin.received(SERVICE + "OnActivate").get(0).deadline().orElseThrow()
        .timeRemaining(TimeUnit.SECONDS);
    assertThat(remaining).isBetween(20L, 30L);
    assertThat(plugin.received(SERVICE + "ServeHTTP").get(0).deadline()).isEmpty();
  }

  @Test
  void aHookThatOutlivesItsDeadlineFailsWithDeadlineExceeded() {
    implementing("ExecuteCommand");
    plugin.answer(SERVICE + "ExecuteCommand",
        FakePlugin.Answer.of(defaultInstance("ExecuteCommandResponse")).delayed(1_000));
    Object hooks = client(HookCallOptions.defaults().withDeadline("ExecuteCommand", Duration.ofMillis(100)));

    assertThatThrownBy(() -> call(hooks, "executeCommand", sample("PluginContext"), sample("CommandArgs")))
        .isInstanceOfSatisfying(HookCallException.class,
            e -> assertThat(e.status().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
  }

  private void implementing(String... hooks) {
    plugin.answer(SERVICE + "Implemented", FakePlugin.Answer.of(implemented(List.of(hooks))));
  }

  private Message implemented(List<String> names) {
    Message.Builder answer = defaultInstance("ImplementedResponse").newBuilderForType();
    names.forEach(n -> answer.addRepeatedField(RawCalls.field(answer.build(), "hooks"), n));
    return answer.build();
  }

  private Object client(HookCallOptions options) {
    return Reflect.newInstance(compiled.load(PACKAGE + "HooksClient"),
        new Class<?>[] {Channel.class, HookCallOptions.class}, grpc.channel, options);
  }

  private Message defaultInstance(String simpleName) {
    return (Message) Reflect.callStatic(compiled.load(PACKAGE + simpleName), "getDefaultInstance", new Class<?>[0]);
  }

  /** A constant of the generated HookName enum. */
  private Object hookName(String constant) {
    return Reflect.callStatic(compiled.load(PACKAGE + "HookName"), "valueOf", new Class<?>[] {String.class}, constant);
  }

  private Message sample(String simpleName) {
    return new Distinctive(simpleName).message(defaultInstance(simpleName), Set.of());
  }

  private Message withError(String responseName) {
    Message response = defaultInstance(responseName);
    return response.toBuilder().setField(RawCalls.field(response, "error"), AppErrors.distinctive(responseName))
        .build();
  }

  private static Object call(Object target, String method, Object... args) {
    return Reflect.invoke(Reflect.method(target.getClass(), method), target, args);
  }
}
