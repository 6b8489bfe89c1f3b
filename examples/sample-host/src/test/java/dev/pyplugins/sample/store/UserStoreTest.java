package dev.pyplugins.sample.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.protocol.v1.UserGetOptions;
import dev.pyplugins.sample.db.Database;
import dev.pyplugins.sample.db.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass
@MethodSource("dev.pyplugins.sample.db.TestDatabases#names")
class UserStoreTest {
  private final Database database;
  private final UserStore users;
  private final TeamStore teams;

  UserStoreTest(String databaseName) {
    database = TestDatabases.open(databaseName);
    users = new UserStore(database);
    teams = new TeamStore(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aUserKeepsEveryFieldButThePasswordAndGetsAnIdAndTimes() {
    User created = users.create(User.newBuilder().setUsername("Alice").setEmail("Alice@Example.com")
        .setPassword("secret").putNotifyProps("email", "false").putProps("k", "v").build());

    User read = users.get(created.getId());
    assertThat(read).isEqualTo(created);
    assertThat(read.getId()).hasSize(26);
    assertThat(read.getUsername()).isEqualTo("alice");
    assertThat(read.getEmail()).isEqualTo("alice@example.com");
    assertThat(read.getPassword()).isEmpty();
    assertThat(read.getNotifyPropsMap()).containsEntry("email", "false");
    assertThat(read.getPropsMap()).containsEntry("k", "v");
    assertThat(read.getCreateAt()).isPositive();
    assertThat(users.getByUsername("ALICE")).isEqualTo(read);
    assertThat(users.getByEmail("alice@example.com")).isEqualTo(read);
  }

  @Test
  void aTakenUsernameOrABadOneIsA400AndAMissingUserA404() {
    users.create(User.newBuilder().setUsername("bob").build());

    assertThatThrownBy(() -> users.create(User.newBuilder().setUsername("BOB").build()))
        .isInstanceOfSatisfying(AppErrorException.class, e -> assertThat(e.statusCode()).isEqualTo(400))
        .hasMessageContaining("already exists");
    assertThatThrownBy(() -> users.create(User.newBuilder().setUsername("a b").build()))
        .isInstanceOfSatisfying(AppErrorException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThatThrownBy(() -> users.get("nobody"))
        .isInstanceOfSatisfying(AppErrorException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void listsFilterByTeamAndActivityAndPage() {
    User ann = users.create(User.newBuilder().setUsername("ann").build());
    User ben = users.create(User.newBuilder().setUsername("ben").build());
    User cid = users.create(User.newBuilder().setUsername("cid").build());
    String team = teams.create(dev.pyplugins.protocol.v1.Team.newBuilder().setName("eng").build()).getId();
    teams.addMember(team, ann.getId());
    teams.addMember(team, cid.getId());
    users.setActive(cid.getId(), false);

    assertThat(names(users.list(UserGetOptions.newBuilder().setInTeamId(team).build()))).containsExactly("ann", "cid");
    assertThat(names(users.list(UserGetOptions.newBuilder().setActive(true).build()))).containsExactly("ann", "ben");
    assertThat(names(users.list(UserGetOptions.newBuilder().setInactive(true).build()))).containsExactly("cid");
    assertThat(names(users.list(UserGetOptions.newBuilder().setPage(1).setPerPage(2).build()))).containsExactly("cid");
    assertThat(names(users.getByIds(List.of(ben.getId(), "missing", ann.getId())))).containsExactly("ann", "ben");
    assertThat(names(users.getByUsernames(List.of("BEN", "cid")))).containsExactly("ben", "cid");
  }

  @Test
  void anUpdateKeepsIdAndCreationAndChecksUniqueness() {
    User ann = users.create(User.newBuilder().setUsername("ann").build());
    users.create(User.newBuilder().setUsername("ben").build());

    User updated = users.update(ann.toBuilder().setNickname("Annie").setCreateAt(1).build());

    assertThat(updated.getCreateAt()).isEqualTo(ann.getCreateAt());
    assertThat(users.get(ann.getId()).getNickname()).isEqualTo("Annie");
    assertThatThrownBy(() -> users.update(ann.toBuilder().setUsername("ben").build()))
        .hasMessageContaining("already exists");
  }

  private static List<String> names(List<User> list) {
    return list.stream().map(User::getUsername).toList();
  }
}
