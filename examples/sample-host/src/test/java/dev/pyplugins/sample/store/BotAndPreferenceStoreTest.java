package dev.pyplugins.sample.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Bot;
import dev.pyplugins.protocol.v1.BotGetOptions;
import dev.pyplugins.protocol.v1.BotPatch;
import dev.pyplugins.protocol.v1.Preference;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.sample.db.Database;
import dev.pyplugins.sample.db.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass
@MethodSource("dev.pyplugins.sample.db.TestDatabases#names")
class BotAndPreferenceStoreTest {
  private final Database database;
  private final UserStore users;
  private final BotStore bots;
  private final PreferenceStore preferences;

  BotAndPreferenceStoreTest(String databaseName) {
    database = TestDatabases.open(databaseName);
    users = new UserStore(database);
    bots = new BotStore(database, users);
    preferences = new PreferenceStore(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aBotIsAlsoAUserOwnedByItsCreator() {
    Bot bot = bots.create(Bot.newBuilder().setUsername("helper").setDisplayName("Helper").build(), "com.example.p");

    User user = users.get(bot.getUserId());
    assertThat(user.getIsBot()).isTrue();
    assertThat(user.getUsername()).isEqualTo("helper");
    assertThat(bot.getOwnerId()).isEqualTo("com.example.p");
    assertThat(bots.get(bot.getUserId(), false)).isEqualTo(bot);
  }

  @Test
  void ensureReturnsTheSameBotAndReactivatesIt() {
    String id = bots.ensure(Bot.newBuilder().setUsername("helper").build(), "p1");
    bots.setActive(id, false);
    assertThatThrownBy(() -> bots.get(id, false))
        .isInstanceOfSatisfying(AppErrorException.class, e -> assertThat(e.statusCode()).isEqualTo(404));

    String again = bots.ensure(Bot.newBuilder().setUsername("helper").setDescription("now described").build(), "p1");

    assertThat(again).isEqualTo(id);
    assertThat(bots.get(id, false).getDescription()).isEqualTo("now described");
    assertThat(users.get(id).getDeleteAt()).isZero();
    assertThatThrownBy(() -> bots.ensure(Bot.newBuilder().setUsername("helper").build(), "p2"))
        .isInstanceOfSatisfying(AppErrorException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
  }

  @Test
  void patchesListsAndPermanentDeletion() {
    Bot a = bots.create(Bot.newBuilder().setUsername("bot-a").build(), "p1");
    Bot b = bots.create(Bot.newBuilder().setUsername("bot-b").build(), "p2");
    bots.setActive(b.getUserId(), false);

    Bot patched = bots.patch(a.getUserId(), BotPatch.newBuilder().setUsername("bot-z").setDisplayName("Z").build());

    assertThat(patched.getUsername()).isEqualTo("bot-z");
    assertThat(users.get(a.getUserId()).getUsername()).isEqualTo("bot-z");
    assertThat(bots.list(BotGetOptions.getDefaultInstance())).extracting(Bot::getUsername).containsExactly("bot-z");
    assertThat(bots.list(BotGetOptions.newBuilder().setIncludeDeleted(true).build())).hasSize(2);
    assertThat(bots.list(BotGetOptions.newBuilder().setOwnerId("p2").setIncludeDeleted(true).build()))
        .extracting(Bot::getUsername).containsExactly("bot-b");
    bots.deletePermanently(b.getUserId());
    assertThat(bots.find(b.getUserId())).isEmpty();
    assertThat(users.find(b.getUserId())).isEmpty();
  }

  @Test
  void preferencesAreSavedReplacedAndDeleted() {
    preferences.save("u1", List.of(pref("display", "theme", "dark"), pref("display", "clock", "24h")));
    preferences.save("u1", List.of(pref("display", "theme", "light")));

    assertThat(preferences.get("u1", "display", "theme").getValue()).isEqualTo("light");
    assertThat(preferences.forUser("u1")).extracting(Preference::getName).containsExactly("clock", "theme");
    preferences.delete("u1", List.of(pref("display", "clock", "")));
    assertThat(preferences.forUser("u1")).extracting(Preference::getName).containsExactly("theme");
    assertThatThrownBy(() -> preferences.save("u1", List.of(pref("display", "x", "y").toBuilder().setUserId("u2")
        .build()))).hasMessageContaining("another user");
  }

  private static Preference pref(String category, String name, String value) {
    return Preference.newBuilder().setCategory(category).setName(name).setValue(value).build();
  }
}
