package dev.pyplugins.sample.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.PostList;
import dev.pyplugins.protocol.v1.Reaction;
import dev.pyplugins.sample.db.Database;
import dev.pyplugins.sample.db.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass
@MethodSource("dev.pyplugins.sample.db.TestDatabases#names")
class PostStoreTest {
  private static final String CHANNEL = "cccccccccccccccccccccccccc";

  private final Database database;
  private final PostStore posts;

  PostStoreTest(String databaseName) {
    database = TestDatabases.open(databaseName);
    posts = new PostStore(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aPostKeepsItsPropsAndMetadata() {
    Post created = posts.create(Post.newBuilder().setChannelId(CHANNEL).setMessage("hi").setProps(Struct.newBuilder()
        .putFields("from_plugin", Value.newBuilder().setBoolValue(true).build())).build());

    assertThat(posts.get(created.getId())).isEqualTo(created);
    assertThat(created.getProps().getFieldsOrThrow("from_plugin").getBoolValue()).isTrue();
  }

  @Test
  void aThreadHoldsItsRootAndRepliesButNotOtherPosts() {
    Post root = post("root", "");
    Post reply1 = post("reply 1", root.getId());
    Post reply2 = post("reply 2", root.getId());
    post("unrelated", "");

    PostList thread = posts.thread(reply1.getId());

    assertThat(thread.getOrderList()).containsExactly(reply2.getId(), reply1.getId(), root.getId());
    assertThat(thread.getPostsMap()).containsOnlyKeys(root.getId(), reply1.getId(), reply2.getId());
    assertThatThrownBy(() -> post("reply to a reply", reply1.getId())).hasMessageContaining("root");
  }

  @Test
  void channelPagesAndBeforeAndAfterAreNewestFirst() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(post("m" + i, "").getId());
    }

    assertThat(posts.forChannel(CHANNEL, 0, 2).getOrderList()).containsExactly(ids.get(4), ids.get(3));
    assertThat(posts.forChannel(CHANNEL, 2, 2).getOrderList()).containsExactly(ids.get(0));
    assertThat(posts.before(CHANNEL, ids.get(3), 0, 2).getOrderList()).containsExactly(ids.get(2), ids.get(1));
    assertThat(posts.after(CHANNEL, ids.get(1), 0, 2).getOrderList()).containsExactly(ids.get(3), ids.get(2));
    assertThat(posts.after(CHANNEL, ids.get(1), 1, 2).getOrderList()).containsExactly(ids.get(4));
  }

  @Test
  void deletedPostsLeaveListsButShowInSince() throws InterruptedException {
    Post kept = post("kept", "");
    Post gone = post("gone", "");
    // Creation times are strictly increasing and may run a few ms ahead of the clock: wait until it passes them.
    long before = Math.max(System.currentTimeMillis(), Math.max(kept.getUpdateAt(), gone.getUpdateAt()) + 1);
    while (System.currentTimeMillis() <= before) {
      Thread.sleep(1);
    }
    posts.delete(gone.getId());

    assertThat(posts.forChannel(CHANNEL, 0, 10).getOrderList()).containsExactly(kept.getId());
    PostList since = posts.since(CHANNEL, before);
    assertThat(since.getOrderList()).containsExactly(gone.getId());
    assertThat(since.getPostsOrThrow(gone.getId()).getDeleteAt()).isPositive();
  }

  @Test
  void anEditMarksEditAtAndKeepsTheAuthorAndChannel() {
    Post original = post("first", "");

    Post edited = posts.update(original.toBuilder().setMessage("second").setUserId("someone-else").build());

    assertThat(edited.getEditAt()).isPositive();
    assertThat(edited.getUserId()).isEqualTo(original.getUserId());
    assertThat(posts.get(original.getId()).getMessage()).isEqualTo("second");
  }

  @Test
  void reactionsAreOncePerUserAndEmoji() {
    ReactionStore reactions = new ReactionStore(database);
    Post target = post("react to me", "");
    Reaction like = Reaction.newBuilder().setPostId(target.getId()).setUserId("u1").setEmojiName("+1").build();

    assertThat(reactions.add(like).isNew()).isTrue();
    assertThat(reactions.add(like).isNew()).isFalse();
    reactions.add(like.toBuilder().setUserId("u2").build());

    assertThat(reactions.forPost(target.getId())).extracting(Reaction::getUserId).containsExactly("u1", "u2");
    assertThat(reactions.remove(like)).isPresent();
    assertThat(reactions.remove(like)).isEmpty();
  }

  private Post post(String message, String rootId) {
    return posts.create(Post.newBuilder().setChannelId(CHANNEL).setUserId("uuuuuuuuuuuuuuuuuuuuuuuuuu")
        .setMessage(message).setRootId(rootId).build());
  }
}
