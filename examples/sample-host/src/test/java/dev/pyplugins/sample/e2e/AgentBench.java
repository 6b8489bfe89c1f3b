package dev.pyplugins.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.User;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark (not a test of the build; run it with {@code examples/plugins/agent/bench.sh}): the time to first
 * token and per turn of a DM answered by the agent plugin in the sample host, against the same scripted model
 * (the wire fake, {@code scripts/bench.json}: 20 ms to the first token, 40 chunks 5 ms apart) called directly
 * over HTTP in the same run. The difference is what the plugin, LangChain, the SDK and the host add per turn.
 */
class AgentBench {
  private static final int WARMUP = 5;
  private static final int TURNS = Integer.getInteger("agent.bench.turns", 30);

  @Test
  void timeToFirstTokenAndOverheadPerTurn(@TempDir Path root) throws Exception {
    try (WireFake fake = WireFake.start("bench.json");
         TestHost host = TestHost.start(root.resolve("data"), TestHost.plugins(root, "agent"), AgentChat.AGENT_PYTHON)) {
      AgentChat chat = new AgentChat(host);
      chat.configure(AgentChat.settings(fake.url(), "[]"));
      User ann = chat.person("ann");
      System.out.printf("%nagent benchmark: %d turns per row after %d warm-up turns; p50 / p90 in ms%n", TURNS, WARMUP);
      System.out.printf("%-44s %15s %15s%n", "path", "first token", "whole turn");
      for (String[] bot : new String[][] {{"gpt", "openai"}, {"claude", "anthropic"}}) {
        Samples direct = new Samples();
        Samples plugin = new Samples();
        for (int i = 0; i < WARMUP + TURNS; i++) { // alternate, so both see the same machine state
          long[] d = directCall(fake.url(), bot[1]);
          long[] p = pluginTurn(chat, ann, bot[0], i);
          if (i >= WARMUP) {
            direct.add(d);
            plugin.add(p);
          }
        }
        System.out.println(direct.row("model called directly (" + bot[1] + " wire format)"));
        System.out.println(plugin.row("DM to @" + bot[0] + " through the plugin"));
        System.out.printf("%-44s %15s %15s%n", "  plugin overhead (p50 difference, ratio)",
            String.format("+%.1f (%.2fx)", plugin.p(0, 50) - direct.p(0, 50), plugin.p(0, 50) / direct.p(0, 50)),
            String.format("+%.1f (%.2fx)", plugin.p(1, 50) - direct.p(1, 50), plugin.p(1, 50) / direct.p(1, 50)));
        assertThat(plugin.count()).isEqualTo(TURNS);
      }
    }
  }

  /** Post a DM and watch the reply post: nanoseconds to its first text, and to its final edit. */
  private static long[] pluginTurn(AgentChat chat, User ann, String bot, int i) throws Exception {
    String botId = chat.botId(bot);
    long start = System.nanoTime();
    Post question = chat.dm(ann, bot, "benchmark turn " + i);
    long first = 0;
    String replyId = null;
    while (true) {
      Post reply = replyId != null ? chat.api().getPost(replyId) : chat.api().getPostThread(question.getId())
          .getPostsMap().values().stream().filter(p -> p.getUserId().equals(botId)).findFirst().orElse(null);
      if (reply != null) {
        replyId = reply.getId();
        if (first == 0 && reply.getMessage().startsWith("tok-")) {
          first = System.nanoTime() - start;
        }
        if (reply.getProps().containsFields("agent_usage")) {
          return new long[] {first, System.nanoTime() - start};
        }
      }
      Thread.sleep(1); // polling the in-process host: about a millisecond of resolution
    }
  }

  /** The same scripted answer straight from the fake: nanoseconds to the first text chunk, and to the end. */
  private static long[] directCall(String url, String provider) throws Exception {
    boolean openai = provider.equals("openai");
    String body = "{\"model\":\"m\",\"stream\":true,\"max_tokens\":1000,\"messages\":[{\"role\":\"user\","
        + "\"content\":\"benchmark direct\"}]}";
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + (openai ? "/v1/chat/completions" : "/v1/messages")))
        .header("Authorization", "Bearer direct").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    long start = System.nanoTime();
    HttpResponse<InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
    long first = 0;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (first == 0 && line.contains("tok-")) {
          first = System.nanoTime() - start;
        }
      }
    }
    return new long[] {first, System.nanoTime() - start};
  }

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  /** Two series of nanoseconds (first token, whole turn). */
  private static final class Samples {
    private final List<List<Long>> series = List.of(new ArrayList<>(), new ArrayList<>());

    void add(long[] sample) {
      series.get(0).add(sample[0]);
      series.get(1).add(sample[1]);
    }

    int count() {
      return series.get(0).size();
    }

    double p(int which, int percentile) {
      List<Long> sorted = new ArrayList<>(series.get(which));
      Collections.sort(sorted);
      return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100)) / 1e6;
    }

    String row(String name) {
      return String.format("%-44s %15s %15s", name, String.format("%.1f / %.1f", p(0, 50), p(0, 90)),
          String.format("%.1f / %.1f", p(1, 50), p(1, 90)));
    }
  }
}
