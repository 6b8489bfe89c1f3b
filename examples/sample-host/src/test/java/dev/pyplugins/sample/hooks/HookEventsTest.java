package dev.pyplugins.sample.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.CommandArgs;
import dev.pyplugins.protocol.v1.CommandResponse;
import dev.pyplugins.protocol.v1.HookName;
import dev.pyplugins.protocol.v1.MessageWillBePostedResponse;
import dev.pyplugins.protocol.v1.MessageWillBeUpdatedResponse;
import dev.pyplugins.protocol.v1.PluginContext;
import dev.pyplugins.protocol.v1.Post;
import org.junit.jupiter.api.Test;

class HookEventsTest {
  private final FakePlugins plugins = new FakePlugins();
  private final HookEvents events = new HookEvents(plugins);

  @Test
  void eachPluginSeesThePostAsThePreviousOneLeftIt() {
    plugins.add("b.second").on(HookName.MESSAGE_WILL_BE_POSTED, args -> rewrite((Post) args[1], " + b"));
    plugins.add("a.first").on(HookName.MESSAGE_WILL_BE_POSTED, args -> rewrite((Post) args[1], " + a"));

    Post result = events.messageWillBePosted(Post.newBuilder().setMessage("m").build());

    assertThat(result.getMessage()).isEqualTo("m + a + b");
  }

  @Test
  void anAnswerWithoutPostKeepsThePostUnchanged() {
    plugins.add("a").on(HookName.MESSAGE_WILL_BE_POSTED, args -> MessageWillBePostedResponse.getDefaultInstance());

    assertThat(events.messageWillBePosted(Post.newBuilder().setMessage("m").build()).getMessage()).isEqualTo("m");
  }

  @Test
  void theFirstRejectionStopsTheChainWithA400NamingTheReason() {
    FakePlugins.FakePlugin later = plugins.add("z.later")
        .on(HookName.MESSAGE_WILL_BE_POSTED, args -> rewrite((Post) args[1], "!"));
    plugins.add("a.censor").on(HookName.MESSAGE_WILL_BE_POSTED,
        args -> MessageWillBePostedResponse.newBuilder().setRejectionReason("no swearing").build());

    assertThatThrownBy(() -> events.messageWillBePosted(Post.newBuilder().setMessage("m").build()))
        .isInstanceOfSatisfying(AppErrorException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.appError().getMessage()).isEqualTo("Post rejected by plugin. no swearing");
          assertThat(e.appError().getDetailedError()).contains("a.censor");
        });
    assertThat(later.calls(HookName.MESSAGE_WILL_BE_POSTED)).isEmpty();
  }

  @Test
  void updatesAreChainedAndSeeTheOldPost() {
    plugins.add("a").on(HookName.MESSAGE_WILL_BE_UPDATED, args -> MessageWillBeUpdatedResponse.newBuilder()
        .setPost(((Post) args[1]).toBuilder().setMessage(((Post) args[1]).getMessage() + " (was "
            + ((Post) args[2]).getMessage() + ")")).build());

    Post result = events.messageWillBeUpdated(Post.newBuilder().setMessage("new").build(),
        Post.newBuilder().setMessage("old").build());

    assertThat(result.getMessage()).isEqualTo("new (was old)");
  }

  @Test
  void notificationsReachEveryPluginThatImplementsThemWithAPluginContext() {
    FakePlugins.FakePlugin a = plugins.add("a").on(HookName.MESSAGE_HAS_BEEN_POSTED);
    FakePlugins.FakePlugin b = plugins.add("b").on(HookName.MESSAGE_HAS_BEEN_POSTED);
    FakePlugins.FakePlugin other = plugins.add("c").on(HookName.MESSAGE_HAS_BEEN_DELETED);

    events.messageHasBeenPosted(Post.newBuilder().setId("p1").build());

    assertThat(a.calls(HookName.MESSAGE_HAS_BEEN_POSTED)).singleElement()
        .satisfies(args -> assertThat(((PluginContext) args[0]).getRequestId()).hasSize(26))
        .satisfies(args -> assertThat(((Post) args[1]).getId()).isEqualTo("p1"));
    assertThat(b.calls(HookName.MESSAGE_HAS_BEEN_POSTED)).hasSize(1);
    assertThat(other.calls(HookName.MESSAGE_HAS_BEEN_POSTED)).isEmpty();
  }

  @Test
  void aCommandGoesToItsPluginAndAnInactivePluginIsA503() {
    plugins.add("cmd").on(HookName.EXECUTE_COMMAND, args -> CommandResponse.newBuilder()
        .setText("ran " + ((CommandArgs) args[1]).getCommand()).build());

    assertThat(events.executeCommand("cmd", CommandArgs.newBuilder().setCommand("/x").build()).getText())
        .isEqualTo("ran /x");
    assertThatThrownBy(() -> events.executeCommand("gone", CommandArgs.getDefaultInstance()))
        .isInstanceOfSatisfying(AppErrorException.class, e -> assertThat(e.statusCode()).isEqualTo(503))
        .hasMessageContaining("'gone'");
  }

  @Test
  void aConfigurationChangeReachesOnlyThatPlugin() {
    FakePlugins.FakePlugin target = plugins.add("target").on(HookName.ON_CONFIGURATION_CHANGE);
    FakePlugins.FakePlugin bystander = plugins.add("bystander").on(HookName.ON_CONFIGURATION_CHANGE);

    events.configurationChanged("target");

    assertThat(target.calls(HookName.ON_CONFIGURATION_CHANGE)).hasSize(1);
    assertThat(bystander.calls(HookName.ON_CONFIGURATION_CHANGE)).isEmpty();
  }

  private static MessageWillBePostedResponse rewrite(Post post, String suffix) {
    return MessageWillBePostedResponse.newBuilder().setPost(post.toBuilder().setMessage(post.getMessage() + suffix))
        .build();
  }
}
