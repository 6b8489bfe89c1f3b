package dev.pyplugins.benchmarks.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyplugins.protocol.v1.CommandArgs;
import dev.pyplugins.protocol.v1.CommandResponse;
import dev.pyplugins.protocol.v1.Hooks;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The API figures, timed inside the plugin process: get_user, create_post and kv_get through the SDK's
 * client to the runtime's per-plugin endpoint (token check, generated {@code PluginApiServer}) and the host's
 * {@link InMemoryPluginApi}; against a raw grpcio stub in the same process calling {@link BareApiServer}
 * with the same requests. The plugin's ExecuteCommand hook times one block of calls on one path and answers
 * the per-call times; the two paths alternate block by block. The CPU figures include the ExecuteCommand
 * call around each block (one per {@value #BLOCK} calls), the same on both paths.
 */
final class ApiBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> METHODS = List.of("get_user", "create_post", "kv_get");
  /** Calls per ExecuteCommand: the two paths alternate in blocks of this many calls. */
  private static final int BLOCK = 250;

  private final Settings settings;
  private final Hooks plugin;
  private final LongSupplier pluginPid;
  private final String floorTarget;

  /**
   * @param plugin the plugin that makes the calls (both ours and the floor's)
   * @param floorTarget the bare Java server, as a grpcio target
   */
  ApiBenchmark(Settings settings, Hooks plugin, LongSupplier pluginPid, String floorTarget) {
    this.settings = settings;
    this.plugin = plugin;
    this.pluginPid = pluginPid;
    this.floorTarget = floorTarget;
  }

  void run(ResultTable table) throws Exception {
    int calls = settings.apiCalls();
    for (String method : METHODS) {
      block("sdk", method, 1, settings.warmup());
      block(floorTarget, method, 1, settings.warmup());
      CpuMeter oursCpu = new CpuMeter(pluginPid);
      CpuMeter floorCpu = new CpuMeter(pluginPid);
      Measure.Pair<Latency> rounds = Measure.interleavedBlocks(settings.runs(), calls, BLOCK,
          n -> block("sdk", method, n, 0), n -> block(floorTarget, method, n, 0), oursCpu, floorCpu);
      Latency o = Latency.median(rounds.ours());
      Latency f = Latency.median(rounds.floor());
      table.add(Row.compared("API " + method + " from Python, p50", "µs", o.p50(), f.p50(), Row.Target.atMost(1.15)));
      table.add(Row.compared("API " + method + " from Python, p99", "µs", o.p99(), f.p99(), Row.Target.atMost(1.15)));
      table.add(CpuRow.of("API " + method, "µs per call", oursCpu, floorCpu, 1e6));
    }
  }

  /** One block in the plugin: {@code calls} timed calls on one path after {@code warmup} untimed ones. */
  private long[] block(String target, String method, int calls, int warmup) throws Exception {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("target", target);
    spec.put("method", method);
    spec.put("calls", calls);
    spec.put("warmup", warmup);
    spec.put("user_id", Payloads.USER_ID);
    spec.put("post", Base64.getEncoder().encodeToString(Payloads.post().toByteArray()));
    spec.put("key", Payloads.KV_KEY);
    spec.put("value_size", Payloads.KV_VALUE_SIZE);
    CommandResponse answer = plugin.executeCommand(Payloads.pluginContext(),
        CommandArgs.newBuilder().setUserId(Payloads.USER_ID).setCommand("/bench-api " + JSON.writeValueAsString(spec))
            .build());
    long[] nanos = JSON.readValue(answer.getText(), long[].class);
    if (nanos.length != calls) {
      throw new IllegalStateException("the plugin timed " + nanos.length + " calls, not " + calls);
    }
    return nanos;
  }
}
