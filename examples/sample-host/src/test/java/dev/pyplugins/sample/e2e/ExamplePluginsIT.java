package dev.pyplugins.sample.e2e;

import static dev.pyplugins.sample.e2e.TestHost.body;
import static dev.pyplugins.sample.e2e.TestHost.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import dev.pyplugins.protocol.v1.AppError;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.CommandResponse;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.User;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The example plugins (examples/plugins/hello and streaming) doing what the README says they do. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamplePluginsIT {
  private TestHost host;
  private User user;
  private Channel channel;

  @BeforeAll
  void start(@TempDir Path root) throws Exception {
    host = TestHost.start(root.resolve("data"), TestHost.plugins(root, "hello", "streaming"));
    user = body(host.post("/api/v4/users", "{\"username\":\"ada\"}"), 201, User.newBuilder()).build();
    channel = body(host.post("/api/v4/channels/direct", "[\"" + user.getId() + "\",\"" + user.getId() + "\"]"), 201,
        Channel.newBuilder()).build();
  }

  @AfterAll
  void stop() {
    host.close();
  }

  @Test
  void helloRewritesATypoAndRejectsTheBlockedWord() {
    Post fixed = body(host.post("/api/v4/posts", post("teh plugin works")), 201, Post.newBuilder()).build();
    AppError rejected = body(host.post("/api/v4/posts", post("a badword here")), 400, AppError.newBuilder()).build();

    assertThat(fixed.getMessage()).isEqualTo("the plugin works");
    assertThat(rejected.getMessage()).isEqualTo("Post rejected by plugin. the word 'badword' is not allowed here");
  }

  @Test
  void helloTakesANewBlockedWordFromItsConfiguration() {
    host.put("/api/v4/plugins/com.example.hello/config", "{\"BlockedWord\":\"Cobol\"}");
    try {
      assertThat(host.post("/api/v4/posts", post("I like COBOL")).statusCode()).isEqualTo(400);
      assertThat(host.post("/api/v4/posts", post("a badword is fine now")).statusCode()).isEqualTo(201);
    } finally {
      host.put("/api/v4/plugins/com.example.hello/config", "{\"BlockedWord\":\"badword\"}");
    }
  }

  @Test
  void helloAnswersItsCommandAndItsRouteCountingInItsKvStore() {
    CommandResponse first = body(host.post("/api/v4/commands/execute", "{\"command\":\"/hello Grace\","
        + "\"channel_id\":\"" + channel.getId() + "\",\"user_id\":\"" + user.getId() + "\"}"), 200,
        CommandResponse.newBuilder()).build();
    Struct second = json(host.get("/plugins/com.example.hello/hello"), 200);

    int count = Integer.parseInt(first.getText().replaceAll(".*#(\\d+)\\.$", "$1"));
    assertThat(first.getText()).startsWith("Hello, Grace! You are greeting #");
    assertThat(second.getFieldsOrThrow("greetings").getNumberValue()).isEqualTo(count + 1);
    // The command ran as the caller (the administrator), who gets the ephemeral answer.
    assertThat(host.get("/api/v4/users/me/ephemeral").body()).contains(first.getText());
  }

  @Test
  void serverSentEventsArriveOneByOneAsTheyAreWritten() throws Exception {
    long start = System.nanoTime();
    HttpResponse<Stream<String>> response = host.http().send(HttpRequest.newBuilder(
        host.uri("/plugins/com.example.streaming/events?count=4&interval=0.5")).build(),
        HttpResponse.BodyHandlers.ofLines());
    List<Long> arrivals = new ArrayList<>();
    response.body().filter(line -> line.equals("event: tick"))
        .forEach(line -> arrivals.add((System.nanoTime() - start) / 1_000_000));

    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
        .startsWith("text/event-stream"));
    assertThat(arrivals).hasSize(4);
    // Written 0.5 s apart: each event reaches the client on its own, not all together at the end.
    for (int i = 1; i < arrivals.size(); i++) {
      assertThat(arrivals.get(i) - arrivals.get(i - 1)).as("gap before event %d in %s ms", i + 1, arrivals)
          .isGreaterThan(300L);
    }
  }

  @Test
  void anUploadIsHashedAsItArrivesNotAfterItWasBuffered() throws Exception {
    byte[] part = new byte[256 * 1024];
    new Random(7).nextBytes(part);
    int parts = 4;
    MessageDigest expected = MessageDigest.getInstance("SHA-256");
    for (int i = 0; i < parts; i++) {
      expected.update(part);
    }

    HttpResponse<String> response = host.http().send(HttpRequest.newBuilder(
        host.uri("/plugins/com.example.streaming/upload")).POST(HttpRequest.BodyPublishers.ofInputStream(
            () -> new PausingStream(part, parts, 400))).build(), HttpResponse.BodyHandlers.ofString());
    Struct answer = json(response, 200);

    assertThat(answer.getFieldsOrThrow("bytes").getNumberValue()).isEqualTo(part.length * parts);
    assertThat(answer.getFieldsOrThrow("sha256").getStringValue())
        .isEqualTo(HexFormat.of().formatHex(expected.digest()));
    // The client paused 3 x 0.4 s between parts: the plugin saw its first chunk long before its last.
    assertThat(answer.getFieldsOrThrow("seconds").getNumberValue()).isGreaterThan(0.9);
  }

  @Test
  void aLargeUploadStreamsThrough() throws Exception {
    byte[] data = new byte[48 << 20];
    new Random(11).nextBytes(data);

    Struct answer = json(host.http().send(HttpRequest.newBuilder(host.uri("/plugins/com.example.streaming/upload"))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(data))).build(),
        HttpResponse.BodyHandlers.ofString()), 200);

    assertThat(answer.getFieldsOrThrow("bytes").getNumberValue()).isEqualTo(data.length);
    assertThat(answer.getFieldsOrThrow("sha256").getStringValue())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
    assertThat(answer.getFieldsOrThrow("chunks").getNumberValue()).isGreaterThanOrEqualTo(data.length / 65536.0);
  }

  private String post(String message) {
    return "{\"channel_id\":\"" + channel.getId() + "\",\"user_id\":\"" + user.getId() + "\",\"message\":\""
        + message + "\"}";
  }

  /** {@code parts} copies of {@code part}, with a pause before each copy but the first. */
  private static final class PausingStream extends InputStream {
    private final byte[] part;
    private final long pauseMillis;
    private int partsLeft;
    private int position;

    PausingStream(byte[] part, int parts, long pauseMillis) {
      this.part = part;
      this.partsLeft = parts;
      this.pauseMillis = pauseMillis;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (position == part.length) {
        if (partsLeft == 1) {
          return -1;
        }
        partsLeft--;
        position = 0;
        try {
          Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
      }
      int n = Math.min(length, part.length - position);
      System.arraycopy(part, position, buffer, offset, n);
      position += n;
      return n;
    }
  }
}
