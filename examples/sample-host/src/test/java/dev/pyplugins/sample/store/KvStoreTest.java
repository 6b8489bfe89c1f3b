package dev.pyplugins.sample.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.PluginKVSetOptions;
import dev.pyplugins.sample.db.Database;
import dev.pyplugins.sample.db.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass
@MethodSource("dev.pyplugins.sample.db.TestDatabases#names")
class KvStoreTest {
  private final Database database;
  private final MutableClock clock = new MutableClock();
  private final KvStore kv;

  KvStoreTest(String databaseName) {
    database = TestDatabases.open(databaseName);
    kv = new KvStore(database, clock);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aValueSetIsReadBackAndAMissingKeyReadsEmpty() {
    kv.set("p1", "k", bytes("v1"));
    kv.set("p1", "k", bytes("v2"));

    assertThat(kv.get("p1", "k")).isEqualTo(bytes("v2"));
    assertThat(kv.get("p1", "missing")).isEqualTo(ByteString.EMPTY);
  }

  @Test
  void pluginsDoNotSeeEachOthersKeys() {
    kv.set("p1", "k", bytes("one"));
    kv.set("p2", "k", bytes("two"));
    kv.deleteAll("p2");

    assertThat(kv.get("p1", "k")).isEqualTo(bytes("one"));
    assertThat(kv.get("p2", "k")).isEqualTo(ByteString.EMPTY);
    assertThat(kv.list("p2", 0, 10)).isEmpty();
  }

  @Test
  void settingAnEmptyValueDeletesTheKey() {
    kv.set("p1", "k", bytes("v"));
    kv.set("p1", "k", ByteString.EMPTY);

    assertThat(kv.list("p1", 0, 10)).isEmpty();
  }

  @Test
  void listPagesThroughKeysInOrder() {
    for (String key : List.of("c", "a", "e", "b", "d")) {
      kv.set("p1", key, bytes(key));
    }

    assertThat(kv.list("p1", 0, 2)).containsExactly("a", "b");
    assertThat(kv.list("p1", 1, 2)).containsExactly("c", "d");
    assertThat(kv.list("p1", 2, 2)).containsExactly("e");
  }

  @Test
  void anExpiredKeyIsGoneFromGetAndList() {
    kv.setWithExpiry("p1", "short", bytes("v"), 10);
    kv.set("p1", "forever", bytes("v"));
    clock.advance(Duration.ofSeconds(9));
    assertThat(kv.get("p1", "short")).isEqualTo(bytes("v"));

    clock.advance(Duration.ofSeconds(2));

    assertThat(kv.get("p1", "short")).isEqualTo(ByteString.EMPTY);
    assertThat(kv.list("p1", 0, 10)).containsExactly("forever");
  }

  @Test
  void compareAndSetFromNothingSucceedsOnlyWhenTheKeyIsMissing() {
    assertThat(kv.compareAndSet("p1", "k", ByteString.EMPTY, bytes("first"))).isTrue();
    assertThat(kv.compareAndSet("p1", "k", ByteString.EMPTY, bytes("second"))).isFalse();

    assertThat(kv.get("p1", "k")).isEqualTo(bytes("first"));
  }

  @Test
  void compareAndSetReplacesOnlyTheExpectedValue() {
    kv.set("p1", "k", bytes("a"));

    assertThat(kv.compareAndSet("p1", "k", bytes("b"), bytes("c"))).isFalse();
    assertThat(kv.compareAndSet("p1", "k", bytes("a"), bytes("c"))).isTrue();
    assertThat(kv.get("p1", "k")).isEqualTo(bytes("c"));
  }

  @Test
  void anExpiredKeyCountsAsMissingForCompareAndSet() {
    kv.setWithExpiry("p1", "k", bytes("old"), 1);
    clock.advance(Duration.ofSeconds(2));

    assertThat(kv.compareAndSet("p1", "k", bytes("old"), bytes("new"))).isFalse();
    assertThat(kv.compareAndSet("p1", "k", ByteString.EMPTY, bytes("new"))).isTrue();
    assertThat(kv.get("p1", "k")).isEqualTo(bytes("new"));
  }

  @Test
  void compareAndDeleteDeletesOnlyTheExpectedValue() {
    kv.set("p1", "k", bytes("a"));

    assertThat(kv.compareAndDelete("p1", "k", bytes("b"))).isFalse();
    assertThat(kv.compareAndDelete("p1", "k", bytes("a"))).isTrue();
    assertThat(kv.get("p1", "k")).isEqualTo(ByteString.EMPTY);
  }

  @Test
  void setWithOptionsCombinesAtomicityAndExpiry() {
    PluginKVSetOptions fromNothing = PluginKVSetOptions.newBuilder().setAtomic(true).setExpireInSeconds(5).build();
    assertThat(kv.setWithOptions("p1", "lock", bytes("me"), fromNothing)).isTrue();
    assertThat(kv.setWithOptions("p1", "lock", bytes("you"), fromNothing)).isFalse();

    clock.advance(Duration.ofSeconds(6));

    assertThat(kv.setWithOptions("p1", "lock", bytes("you"), fromNothing)).isTrue();
    assertThat(kv.get("p1", "lock")).isEqualTo(bytes("you"));
  }

  @Test
  void anAtomicEmptyValueDeletesOnlyTheExpectedValue() {
    kv.set("p1", "k", bytes("a"));
    PluginKVSetOptions expectB = PluginKVSetOptions.newBuilder().setAtomic(true).setOldValue(bytes("b")).build();
    PluginKVSetOptions expectA = PluginKVSetOptions.newBuilder().setAtomic(true).setOldValue(bytes("a")).build();

    assertThat(kv.setWithOptions("p1", "k", ByteString.EMPTY, expectB)).isFalse();
    assertThat(kv.setWithOptions("p1", "k", ByteString.EMPTY, expectA)).isTrue();
    assertThat(kv.get("p1", "k")).isEqualTo(ByteString.EMPTY);
  }

  @Test
  void badOptionsAndKeysAreRefusedWithA400() {
    PluginKVSetOptions oldWithoutAtomic = PluginKVSetOptions.newBuilder().setOldValue(bytes("x")).build();
    PluginKVSetOptions negative = PluginKVSetOptions.newBuilder().setExpireInSeconds(-1).build();

    assertThatThrownBy(() -> kv.setWithOptions("p1", "k", bytes("v"), oldWithoutAtomic))
        .isInstanceOfSatisfying(AppErrorException.class, e -> assertThat(e.statusCode()).isEqualTo(400))
        .hasMessageContaining("atomic");
    assertThatThrownBy(() -> kv.setWithOptions("p1", "k", bytes("v"), negative))
        .isInstanceOfSatisfying(AppErrorException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThatThrownBy(() -> kv.set("p1", "", bytes("v"))).hasMessageContaining("1 to 150");
    assertThatThrownBy(() -> kv.set("p1", "k".repeat(151), bytes("v"))).hasMessageContaining("was 151");
  }

  @Test
  void concurrentCompareAndSetIncrementsLoseNoUpdate() throws Exception {
    int threads = 4;
    int incrementsEach = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < incrementsEach; i++) {
            while (true) {
              ByteString current = kv.get("p1", "counter");
              int value = current.isEmpty() ? 0 : Integer.parseInt(current.toStringUtf8());
              if (kv.compareAndSet("p1", "counter", current, bytes(Integer.toString(value + 1)))) {
                break;
              }
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(kv.get("p1", "counter").toStringUtf8()).isEqualTo(Integer.toString(threads * incrementsEach));
  }

  private static ByteString bytes(String text) {
    return ByteString.copyFromUtf8(text);
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
