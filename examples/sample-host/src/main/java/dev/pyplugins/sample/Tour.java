package dev.pyplugins.sample;

import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.pyplugins.protocol.v1.AppError;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.CommandResponse;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.Team;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.sample.db.ProtoJson;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The scripted tour ({@code --tour}): drives the host over HTTP exactly as a client would, and prints what
 * the example plugins did: a post rewritten, a post rejected, {@code /hello}, the hello plugin's HTTP route,
 * server-sent events and a streamed upload. Safe to run again on the same data.
 */
public final class Tour {
  private static final String HELLO = "/plugins/com.example.hello";
  private static final String STREAMING = "/plugins/com.example.streaming";

  private final URI base;
  private final PrintStream out;
  private final HttpClient http = HttpClient.newHttpClient();

  public Tour(URI base, PrintStream out) {
    this.base = base;
    this.out = out;
  }

  public void run() throws IOException, InterruptedException {
    out.println();
    out.println("== Tour of the sample host at " + base);
    requireRunning("com.example.hello", "com.example.streaming");
    User ann = findOrCreate("/api/v4/users/username/ann", "/api/v4/users",
        "{\"username\":\"ann\",\"email\":\"ann@example.com\",\"first_name\":\"Ann\"}", User.newBuilder()).build();
    Team team = findOrCreate("/api/v4/teams/name/demo", "/api/v4/teams",
        "{\"name\":\"demo\",\"display_name\":\"Demo\"}", Team.newBuilder()).build();
    send("POST", "/api/v4/teams/" + team.getId() + "/members", "{\"user_id\":\"" + ann.getId() + "\"}");
    Channel channel = findOrCreate("/api/v4/teams/" + team.getId() + "/channels/name/town-square", "/api/v4/channels",
        "{\"team_id\":\"" + team.getId() + "\",\"name\":\"town-square\",\"display_name\":\"Town Square\","
            + "\"type\":\"O\"}",
        Channel.newBuilder()).build();
    send("POST", "/api/v4/channels/" + channel.getId() + "/members", "{\"user_id\":\"" + ann.getId() + "\"}");
    out.printf("user @%s (%s) in ~%s of team %s%n", ann.getUsername(), ann.getId(), channel.getName(), team.getName());

    step("1. A post the hello plugin rewrites (MessageWillBePosted fixes 'teh')");
    String postJson = "{\"channel_id\":\"" + channel.getId() + "\",\"user_id\":\"" + ann.getId()
        + "\",\"message\":\"%s\"}";
    HttpResponse<String> posted = send("POST", "/api/v4/posts", postJson.formatted("I think teh plugins work"));
    out.printf("   sent:   %s%n   stored: %s (HTTP %d)%n", "I think teh plugins work",
        ProtoJson.merge(posted.body(), Post.newBuilder()).getMessage(), posted.statusCode());

    step("2. A post the hello plugin rejects (the blocked word)");
    HttpResponse<String> rejected = send("POST", "/api/v4/posts", postJson.formatted("what a badword"));
    out.printf("   HTTP %d: %s%n", rejected.statusCode(), ProtoJson.merge(rejected.body(), AppError.newBuilder())
        .getMessage());

    step("3. The /hello slash command (ExecuteCommand; the greeting counter lives in the plugin's KV store)");
    HttpResponse<String> hello = send("POST", "/api/v4/commands/execute", "{\"command\":\"/hello Ada\","
        + "\"channel_id\":\"" + channel.getId() + "\",\"team_id\":\"" + team.getId() + "\",\"user_id\":\""
        + ann.getId() + "\"}");
    out.printf("   %s%n", ProtoJson.merge(hello.body(), CommandResponse.newBuilder()).getText());

    step("4. The hello plugin's HTTP route (ServeHTTP)");
    out.printf("   GET %s/hello -> %s", HELLO, send("GET", HELLO + "/hello", null).body());

    step("5. Server-sent events from the streaming plugin, printed as they arrive");
    long start = System.nanoTime();
    HttpResponse<Stream<String>> events = http.send(HttpRequest.newBuilder(base.resolve(STREAMING
        + "/events?count=4&interval=0.4")).build(), HttpResponse.BodyHandlers.ofLines());
    events.body().filter(line -> line.startsWith("event:"))
        .forEach(line -> out.printf("   +%4d ms  %s%n", (System.nanoTime() - start) / 1_000_000, line));

    step("6. An 8 MiB upload the streaming plugin hashes chunk by chunk as it arrives");
    byte[] data = new byte[8 << 20];
    new Random(42).nextBytes(data);
    HttpResponse<String> upload = http.send(HttpRequest.newBuilder(base.resolve(STREAMING + "/upload"))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(data))).build(),
        HttpResponse.BodyHandlers.ofString());
    Struct answer = ProtoJson.merge(upload.body(), Struct.newBuilder()).build();
    String expected = sha256(data);
    out.printf("   plugin: %s%n   local sha256 %s: %s%n", upload.body().strip(), expected,
        expected.equals(answer.getFieldsOrThrow("sha256").getStringValue()) ? "same" : "DIFFERENT");

    new AgentTour(base, out).run();
    printCurlLines(channel, ann);
  }

  private void printCurlLines(Channel channel, User user) {
    String host = base.toString();
    String json = "-H 'Content-Type: application/json'";
    out.println();
    out.println("== Try it yourself");
    out.printf("curl -s %s/api/v4/plugins/statuses%n", host);
    out.printf("curl -s %s %s/api/v4/posts -d '{\"channel_id\":\"%s\",\"user_id\":\"%s\",\"message\":\"teh end\"}'%n",
        json, host, channel.getId(), user.getId());
    out.printf("curl -s %s/api/v4/channels/%s/posts%n", host, channel.getId());
    out.printf("curl -s %s %s/api/v4/commands/execute -d '{\"command\":\"/hello you\",\"channel_id\":\"%s\","
        + "\"user_id\":\"%s\"}'%n", json, host, channel.getId(), user.getId());
    out.printf("curl -s %s%s/hello%n", host, HELLO);
    out.printf("curl -sN '%s%s/events?count=10&interval=1'%n", host, STREAMING);
    out.printf("head -c 100000000 /dev/urandom | curl -s -T - %s%s/upload%n", host, STREAMING);
    out.printf("curl -s -X PUT %s %s/api/v4/plugins/com.example.hello/config -d '{\"BlockedWord\":\"java\"}'%n",
        json, host);
  }

  /** Fails with the runtime's reason unless each plugin runs (a tour of a failed plugin shows nothing). */
  private void requireRunning(String... pluginIds) throws IOException, InterruptedException {
    String statuses = send("GET", "/api/v4/plugins/statuses", null).body();
    ListValue list = ProtoJson.merge("{\"values\":" + statuses + "}", Struct.newBuilder()).build()
        .getFieldsOrThrow("values").getListValue();
    for (String id : pluginIds) {
      Struct status = list.getValuesList().stream().map(Value::getStructValue)
          .filter(s -> s.getFieldsOrThrow("id").getStringValue().equals(id)).findFirst()
          .orElseThrow(() -> new IOException("plugin " + id + " is not in the plugins directory"));
      String state = status.getFieldsOrThrow("state").getStringValue();
      if (!state.equals("RUNNING")) {
        throw new IOException("plugin " + id + " is " + state + ": " + status.getFieldsOrThrow("problem")
            .getStringValue());
      }
    }
  }

  private <B extends Message.Builder> B findOrCreate(String path, String createPath, String json, B builder)
      throws IOException, InterruptedException {
    HttpResponse<String> found = send("GET", path, null);
    HttpResponse<String> response = found.statusCode() == 200 ? found : send("POST", createPath, json);
    if (response.statusCode() >= 300) {
      throw new IOException(createPath + " answered " + response.statusCode() + ": " + response.body());
    }
    return ProtoJson.merge(response.body(), builder);
  }

  private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
    HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json);
    return http.send(HttpRequest.newBuilder(base.resolve(path)).method(method, body)
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
  }

  private void step(String title) {
    out.println();
    out.println(title);
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
