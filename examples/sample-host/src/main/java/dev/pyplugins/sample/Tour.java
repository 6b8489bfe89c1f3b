package dev.pyplugins.sample;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.pyplugins.protocol.v1.AppError;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.CommandResponse;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.Team;
import dev.pyplugins.sample.db.ProtoJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The scripted tour ({@code --tour}): logs in and drives the host over HTTP exactly as a client would,
 * prints what the example plugins did (a post rewritten, a post rejected, {@code /hello}, the hello plugin's
 * HTTP route, server-sent events, a streamed upload) and checks each outcome: a step that does not do what
 * it shows throws {@link StepFailed}. It starts by putting the hello plugin's settings back to their
 * defaults, so every run sees the same behaviour. Safe to run again on the same data.
 */
public final class Tour {
  private static final String HELLO = "/plugins/com.example.hello";
  private static final String STREAMING = "/plugins/com.example.streaming";

  /** A step did not do what the tour shows. */
  public static final class StepFailed extends IOException {
    StepFailed(String message) {
      super(message);
    }
  }

  private final URI base;
  private final DemoSeed.DemoLogin login;
  private final PrintStream out;
  private final HttpClient http = HttpClient.newHttpClient();
  private String token = "";

  public Tour(URI base, DemoSeed.DemoLogin login, PrintStream out) {
    this.base = base;
    this.login = login;
    this.out = out;
  }

  public void run() throws IOException, InterruptedException {
    out.println();
    out.println("== Tour of the sample host at " + base);
    logIn(login.admin(), login.adminPassword());
    String adminToken = token;
    requireRunning("com.example.hello", "com.example.streaming");
    expect("resetting the hello plugin's settings", send("PUT", "/api/v4/plugins/com.example.hello/config", "{}"), 200);
    logIn(login.user(), login.userPassword());
    Team team = ProtoJson.merge(expect("finding team " + login.team(), send("GET", "/api/v4/teams/name/"
        + login.team(), null), 200).body(), Team.newBuilder()).build();
    Channel channel = ProtoJson.merge(expect("finding ~" + login.channel(), send("GET", "/api/v4/teams/"
        + team.getId() + "/channels/name/" + login.channel(), null), 200).body(), Channel.newBuilder()).build();
    out.printf("logged in as @%s, posting in ~%s of team %s%n", login.user(), channel.getName(), team.getName());

    step("1. A post the hello plugin rewrites (MessageWillBePosted fixes 'teh')");
    String postJson = "{\"channel_id\":\"" + channel.getId() + "\",\"message\":\"%s\"}";
    HttpResponse<String> posted = expect("step 1", send("POST", "/api/v4/posts",
        postJson.formatted("I think teh plugins work")), 201);
    String stored = ProtoJson.merge(posted.body(), Post.newBuilder()).getMessage();
    out.printf("   sent:   %s%n   stored: %s (HTTP %d)%n", "I think teh plugins work", stored, posted.statusCode());
    check(stored.equals("I think the plugins work"), "step 1: the plugin did not fix the typo, stored '" + stored
        + "'");

    step("2. A post the hello plugin rejects (the blocked word)");
    HttpResponse<String> rejected = expect("step 2 (the post must be rejected)", send("POST", "/api/v4/posts",
        postJson.formatted("what a badword")), 400);
    String reason = ProtoJson.merge(rejected.body(), AppError.newBuilder()).getMessage();
    out.printf("   HTTP %d: %s%n", rejected.statusCode(), reason);
    check(reason.contains("badword"), "step 2: rejected for another reason: " + reason);

    step("3. The /hello slash command (ExecuteCommand; the greeting counter lives in the plugin's KV store)");
    HttpResponse<String> hello = expect("step 3", send("POST", "/api/v4/commands/execute",
        "{\"command\":\"/hello Ada\",\"channel_id\":\"" + channel.getId() + "\",\"team_id\":\"" + team.getId()
            + "\"}"), 200);
    String greeting = ProtoJson.merge(hello.body(), CommandResponse.newBuilder()).getText();
    out.printf("   %s%n", greeting);
    check(greeting.startsWith("Hello, Ada! You are greeting #"), "step 3: unexpected answer '" + greeting + "'");

    step("4. The hello plugin's HTTP route (ServeHTTP)");
    HttpResponse<String> route = expect("step 4", send("GET", HELLO + "/hello", null), 200);
    out.printf("   GET %s/hello -> %s", HELLO, route.body());
    check(route.body().contains("Hello from Python!"), "step 4: unexpected answer " + route.body());

    step("5. Server-sent events from the streaming plugin, printed as they arrive");
    long start = System.nanoTime();
    HttpResponse<Stream<String>> events = http.send(HttpRequest.newBuilder(base.resolve(STREAMING
        + "/events?count=4&interval=0.4")).build(), HttpResponse.BodyHandlers.ofLines());
    List<String> ticks = events.body().filter(line -> line.startsWith("event:")).peek(line -> out.printf(
        "   +%4d ms  %s%n", (System.nanoTime() - start) / 1_000_000, line)).toList();
    long tickCount = ticks.stream().filter(line -> line.equals("event: tick")).count();
    check(tickCount == 4, "step 5: " + tickCount + " tick events arrived, 4 were sent");

    step("6. An 8 MiB upload the streaming plugin hashes chunk by chunk as it arrives");
    byte[] data = new byte[8 << 20];
    new Random(42).nextBytes(data);
    HttpResponse<String> upload = http.send(HttpRequest.newBuilder(base.resolve(STREAMING + "/upload"))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(data))).build(),
        HttpResponse.BodyHandlers.ofString());
    expect("step 6", upload, 200);
    Struct answer = ProtoJson.merge(upload.body(), Struct.newBuilder()).build();
    String expected = sha256(data);
    boolean same = expected.equals(answer.getFieldsOrDefault("sha256", Value.getDefaultInstance()).getStringValue());
    out.printf("   plugin: %s%n   local sha256 %s: %s%n", upload.body().strip(), expected, same ? "same" : "DIFFERENT");
    check(same, "step 6: the plugin's hash differs from the data sent");

    if (installed(adminToken, AgentTour.PLUGIN)) {
      new AgentTour(base, out, adminToken, token).run();
    } else {
      out.printf("%n(the agent plugin %s is not in the plugins directory: its step is left out)%n",
          AgentTour.PLUGIN);
    }
    printCurlLines(channel);
  }

  private void printCurlLines(Channel channel) {
    String host = base.toString();
    String auth = "-H 'Authorization: Bearer " + token + "'";
    String json = auth + " -H 'Content-Type: application/json'";
    out.println();
    out.println("== Try it yourself (as @" + login.user() + "; log in again with POST /api/v4/users/login)");
    out.printf("curl -s %s %s/api/v4/users/me%n", auth, host);
    out.printf("curl -s %s %s/api/v4/posts -d '{\"channel_id\":\"%s\",\"message\":\"teh end\"}'%n", json, host,
        channel.getId());
    out.printf("curl -s %s %s/api/v4/channels/%s/posts%n", auth, host, channel.getId());
    out.printf("curl -s %s %s/api/v4/commands/execute -d '{\"command\":\"/hello you\",\"channel_id\":\"%s\"}'%n",
        json, host, channel.getId());
    out.printf("curl -s %s%s/hello%n", host, HELLO);
    out.printf("curl -sN '%s%s/events?count=10&interval=1'%n", host, STREAMING);
    out.printf("head -c 100000000 /dev/urandom | curl -s -T - %s%s/upload%n", host, STREAMING);
    out.printf("curl -s %s/metrics | grep pyplugins_hook_calls%n", host);
  }

  private void logIn(String username, String password) throws IOException, InterruptedException {
    token = "";
    HttpResponse<String> response = expect("logging in as " + username, send("POST", "/api/v4/users/login",
        "{\"login_id\":\"" + username + "\",\"password\":\"" + password + "\"}"), 200);
    token = response.headers().firstValue("Token").orElseThrow(() -> new StepFailed("the login gave no Token"));
  }

  /** Fails with the runtime's reason unless each plugin runs (a tour of a failed plugin shows nothing). */
  private void requireRunning(String... pluginIds) throws IOException, InterruptedException {
    ListValue list = statuses();
    for (String id : pluginIds) {
      Struct status = statusOf(list, id)
          .orElseThrow(() -> new StepFailed("plugin " + id + " is not in the plugins directory"));
      String state = status.getFieldsOrThrow("runtime_state").getStringValue();
      check(state.equals("RUNNING"), "plugin " + id + " is " + state + ": "
          + status.getFieldsOrThrow("error").getStringValue());
    }
  }

  /** Whether the plugins directory holds the plugin (the listing needs the admin's session). */
  private boolean installed(String adminToken, String pluginId) throws IOException, InterruptedException {
    String userToken = token;
    token = adminToken;
    try {
      return statusOf(statuses(), pluginId).isPresent();
    } finally {
      token = userToken;
    }
  }

  private ListValue statuses() throws IOException, InterruptedException {
    String statuses = expect("listing plugins", send("GET", "/api/v4/plugins/statuses", null), 200).body();
    return ProtoJson.merge("{\"values\":" + statuses + "}", Struct.newBuilder()).build()
        .getFieldsOrThrow("values").getListValue();
  }

  private static java.util.Optional<Struct> statusOf(ListValue list, String pluginId) {
    return list.getValuesList().stream().map(Value::getStructValue)
        .filter(s -> s.getFieldsOrThrow("plugin_id").getStringValue().equals(pluginId)).findFirst();
  }

  private static HttpResponse<String> expect(String what, HttpResponse<String> response, int status)
      throws StepFailed {
    check(response.statusCode() == status, what + ": expected HTTP " + status + ", got " + response.statusCode()
        + ": " + response.body().strip());
    return response;
  }

  private static void check(boolean ok, String failure) throws StepFailed {
    if (!ok) {
      throw new StepFailed(failure);
    }
  }

  private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
    HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json);
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method, body)
        .header("Content-Type", "application/json");
    if (!token.isEmpty()) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
