package dev.pyplugins.benchmarks.runtime;

import dev.pyplugins.protocol.v1.Hooks;
import dev.pyplugins.protocol.v1.MessageWillBePostedRequest;
import dev.pyplugins.protocol.v1.MessageWillBePostedResponse;
import dev.pyplugins.protocol.v1.PluginContext;
import dev.pyplugins.protocol.v1.PluginHooksGrpc;
import dev.pyplugins.protocol.v1.Post;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.stub.ClientCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * The hook figures: MessageWillBePosted round trips through the generated {@code HooksClient} of a running
 * SDK plugin (the handler returns the post unchanged), sequential and with concurrent callers, against
 * the generated grpc-java method called bare (no deadline, no interceptor) on a bare grpcio echo server.
 */
final class HookBenchmarks {
  private final Settings settings;
  private final Measure.Call ours;
  private final Measure.Call floor;
  private final LongSupplier pluginPid;
  private final long floorPid;

  HookBenchmarks(Settings settings, Hooks plugin, LongSupplier pluginPid, Channel floorChannel, long floorPid) {
    this.settings = settings;
    this.pluginPid = pluginPid;
    this.floorPid = floorPid;
    PluginContext context = Payloads.pluginContext();
    Post post = Payloads.post();
    this.ours = () -> check(plugin.messageWillBePosted(context, post));
    this.floor = () -> check(ClientCalls.blockingUnaryCall(floorChannel, PluginHooksGrpc.getMessageWillBePostedMethod(),
        CallOptions.DEFAULT, MessageWillBePostedRequest.newBuilder().setPluginContext(context).setPost(post).build()));
    MessageWillBePostedResponse answer = plugin.messageWillBePosted(context, post);
    if (!answer.getPost().equals(post) || !answer.getRejectionReason().isEmpty()) {
      throw new IllegalStateException("the plugin did not return the post unchanged: " + answer);
    }
  }

  /** A "Will" hook fails open with an empty response: a broken path must not pass for a fast one. */
  private static void check(MessageWillBePostedResponse response) {
    if (!response.hasPost()) {
      throw new IllegalStateException("MessageWillBePosted answered without the post (failed open?)");
    }
  }

  void roundTrip(ResultTable table) throws Exception {
    Measure.repeat(settings.warmup(), floor);
    Measure.repeat(settings.warmup(), ours);
    CpuMeter oursCpu = new CpuMeter(pluginPid);
    CpuMeter floorCpu = new CpuMeter(() -> floorPid);
    int calls = settings.hookCalls();
    Measure.Pair<Latency> rounds = Measure.interleaved(settings.runs(), calls, ours, floor, oursCpu, floorCpu);
    Latency o = Latency.median(rounds.ours());
    Latency f = Latency.median(rounds.floor());
    table.add(Row.compared("hook round trip MessageWillBePosted, p50", "µs", o.p50(), f.p50(), Row.Target.atMost(1.15)));
    table.add(Row.compared("hook round trip MessageWillBePosted, p99", "µs", o.p99(), f.p99(), Row.Target.atMost(1.15)));
    table.add(CpuRow.of("hook round trip", "µs per call", oursCpu, floorCpu, 1e6));
  }

  void throughput(ResultTable table) throws Exception {
    int callers = settings.callers();
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      callsPerSecond(pool, floor, 2); // warm-up: the concurrent paths of the client and the server
      callsPerSecond(pool, ours, 2);
      CpuMeter oursCpu = new CpuMeter(pluginPid);
      CpuMeter floorCpu = new CpuMeter(() -> floorPid);
      int seconds = settings.throughputSeconds();
      List<Double> oursRates = new ArrayList<>();
      List<Double> floorRates = new ArrayList<>();
      for (int round = 0; round < settings.runs(); round++) {
        // one-second windows, alternating, so drift in the machine's speed reaches both paths alike
        double oursCalls = 0;
        double floorCalls = 0;
        for (int window = 0; window < seconds; window++) {
          if ((round + window) % 2 == 0) {
            floorCalls += floorCpu.around(n -> n, () -> callsPerSecond(pool, floor, 1)).call();
            oursCalls += oursCpu.around(n -> n, () -> callsPerSecond(pool, ours, 1)).call();
          } else {
            oursCalls += oursCpu.around(n -> n, () -> callsPerSecond(pool, ours, 1)).call();
            floorCalls += floorCpu.around(n -> n, () -> callsPerSecond(pool, floor, 1)).call();
          }
        }
        oursRates.add(oursCalls / seconds);
        floorRates.add(floorCalls / seconds);
      }
      table.add(Row.compared("hook calls per second, " + callers + " callers", "calls/s",
          Measure.median(oursRates), Measure.median(floorRates), Row.Target.atLeast(1 / 1.15)));
      table.add(CpuRow.of("hook calls, " + callers + " callers", "µs per call", oursCpu, floorCpu, 1e6));
    } finally {
      pool.shutdownNow();
    }
  }

  /** Calls completed within a window of {@code seconds} by the pool's callers, all calling at once. */
  private double callsPerSecond(ExecutorService pool, Measure.Call call, int seconds) throws Exception {
    int callers = settings.callers();
    CountDownLatch go = new CountDownLatch(1);
    long[] end = new long[1];
    List<Future<Long>> counts = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      counts.add(pool.submit(() -> {
        go.await();
        long n = 0;
        while (true) {
          call.run();
          if (System.nanoTime() - end[0] > 0) {
            return n;
          }
          n++;
        }
      }));
    }
    end[0] = System.nanoTime() + seconds * 1_000_000_000L;
    go.countDown();
    long total = 0;
    for (Future<Long> c : counts) {
      total += c.get();
    }
    return total / (double) seconds;
  }
}
