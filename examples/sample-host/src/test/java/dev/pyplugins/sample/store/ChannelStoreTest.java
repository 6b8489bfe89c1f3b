package dev.pyplugins.sample.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.Team;
import dev.pyplugins.sample.db.Database;
import dev.pyplugins.sample.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass
@MethodSource("dev.pyplugins.sample.db.TestDatabases#names")
class ChannelStoreTest {
  private final Database database;
  private final TeamStore teams;
  private final ChannelStore channels;

  ChannelStoreTest(String databaseName) {
    database = TestDatabases.open(databaseName);
    teams = new TeamStore(database);
    channels = new ChannelStore(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void channelNamesAreUniqueWithinATeamOnly() {
    String eng = teams.create(Team.newBuilder().setName("eng").build()).getId();
    String ops = teams.create(Team.newBuilder().setName("ops").build()).getId();
    channels.create(Channel.newBuilder().setTeamId(eng).setName("town-square").setType("O").build());
    channels.create(Channel.newBuilder().setTeamId(ops).setName("town-square").setType("O").build());

    assertThatThrownBy(() -> channels.create(Channel.newBuilder().setTeamId(eng).setName("Town-Square").setType("P")
        .build())).isInstanceOfSatisfying(AppErrorException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThatThrownBy(() -> channels.create(Channel.newBuilder().setTeamId(eng).setName("dm").setType("D").build()))
        .hasMessageContaining("type");
  }

  @Test
  void aDirectChannelIsMadeOnceWhicheverWayRoundTheUsersAreGiven() {
    ChannelStore.Created first = channels.direct("uuuuuuuuuuuuuuuuuuuuuuuuu1", "uuuuuuuuuuuuuuuuuuuuuuuuu2");
    ChannelStore.Created second = channels.direct("uuuuuuuuuuuuuuuuuuuuuuuuu2", "uuuuuuuuuuuuuuuuuuuuuuuuu1");

    assertThat(first.isNew()).isTrue();
    assertThat(second.isNew()).isFalse();
    assertThat(second.channel()).isEqualTo(first.channel());
    assertThat(first.channel().getType()).isEqualTo("D");
    assertThat(channels.memberCount(first.channel().getId())).isEqualTo(2);
  }

  @Test
  void membershipsAreAddedOnceAndListedPerTeam() {
    String eng = teams.create(Team.newBuilder().setName("eng").build()).getId();
    Channel a = channels.create(Channel.newBuilder().setTeamId(eng).setName("alpha").setType("O").build());
    Channel b = channels.create(Channel.newBuilder().setTeamId(eng).setName("beta").setType("P").build());

    assertThat(channels.addMember(a.getId(), "user1").isNew()).isTrue();
    assertThat(channels.addMember(a.getId(), "user1").isNew()).isFalse();
    channels.addMember(b.getId(), "user1");

    assertThat(channels.forTeamAndUser(eng, "user1", false)).extracting(Channel::getName)
        .containsExactly("alpha", "beta");
    assertThat(channels.publicChannels(eng, 0, 10)).extracting(Channel::getName).containsExactly("alpha");
    assertThat(channels.membershipsOf(eng, "user1", 0, 10)).hasSize(2);
    channels.removeMember(a.getId(), "user1");
    assertThat(channels.findMember(a.getId(), "user1")).isEmpty();
  }
}
