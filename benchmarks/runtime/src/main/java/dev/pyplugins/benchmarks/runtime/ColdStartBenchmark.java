package dev.pyplugins.benchmarks.runtime;

import dev.pyplugins.runtime.PluginEnvironment;
import dev.pyplugins.runtime.PluginState;
import dev.pyplugins.runtime.PluginStatus;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Cold start: {@code PluginEnvironment.activate} of the smallest SDK plugin (manifest, interpreter check,
 * socket directory and API endpoint, spawn, handshake, health check, Implemented, OnActivate), against
 * spawning the same interpreter on a script that imports grpc, serves one echo method on a unix socket and
 * answers the host's first call over a new channel. Python's own start, with and without
 * {@code import grpc}, is printed for context. The plugin is deactivated and the floor process stopped between rounds, untimed.
 */
final class ColdStartBenchmark {
  private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };
  private static final MethodDescriptor<byte[], byte[]> ECHO = MethodDescriptor.newBuilder(BYTES, BYTES)
      .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName("bench.Floor/Echo").build();

  private final Settings settings;
  private final PluginEnvironment plugins;
  private final String pluginId;
  private final FloorTransport transport;
  private final Path socketDir;

  ColdStartBenchmark(Settings settings, PluginEnvironment plugins, String pluginId, FloorTransport transport,
      Path socketDir) {
    this.settings = settings;
    this.plugins = plugins;
    this.pluginId = pluginId;
    this.transport = transport;
    this.socketDir = socketDir;
  }

  void run(ResultTable table) throws Exception {
    pluginStart();
    floorStart(-1);
    int[] round = {0};
    Measure.Pair<Double> starts = Measure.sideBySide(settings.coldStarts(), this::pluginStart,
        () -> floorStart(round[0]++));
    Measure.Pair<Double> python = Measure.sideBySide(settings.coldStarts(),
        () -> pythonReady("import grpc"), () -> pythonReady("pass"));
    table.add(Row.compared("cold start, spawn to plugin activated", "ms", Measure.median(starts.ours()),
        Measure.median(starts.floor()), Row.Target.atMost(2.0)));
    table.add(Row.context("python start, until its first line (context)", "ms", Measure.median(python.floor())));
    table.add(Row.context("python start and import grpc, until its first line (context)", "ms",
        Measure.median(python.ours())));
  }

  private double pluginStart() {
    long start = System.nanoTime();
    PluginStatus status = plugins.activate(pluginId);
    double ms = (System.nanoTime() - start) / 1e6;
    if (status.state() != PluginState.RUNNING) {
      throw new IllegalStateException("the cold-start plugin did not start: " + status);
    }
    plugins.deactivate(pluginId);
    return ms;
  }

  private double floorStart(int round) throws Exception {
    Path socket = socketDir.resolve("cold-" + (round + 1) + ".sock");
    Files.deleteIfExists(socket);
    long start = System.nanoTime();
    PythonProcess process = PythonProcess.spawn(List.of(settings.python().toString(),
        settings.scripts().resolve("cold_floor.py").toString(), socket.toString()));
    ManagedChannel channel = null;
    try {
      process.awaitReady();
      channel = transport.channel(socket);
      byte[] ping = {1, 2, 3};
      byte[] reply = ClientCalls.blockingUnaryCall(channel, ECHO, CallOptions.DEFAULT, ping);
      double ms = (System.nanoTime() - start) / 1e6;
      if (!Arrays.equals(ping, reply)) {
        throw new IllegalStateException("the cold-start floor answered " + Arrays.toString(reply));
      }
      return ms;
    } finally {
      if (channel != null) {
        channel.shutdownNow();
      }
      process.close();
      Files.deleteIfExists(socket);
    }
  }

  /** Spawn to the first line of {@code python -c "<code>; print('ready')"} (interpreter exit not included). */
  private double pythonReady(String code) throws Exception {
    long start = System.nanoTime();
    try (PythonProcess process = PythonProcess.spawn(List.of(settings.python().toString(), "-c",
        code + "; print('ready', flush=True)"))) {
      process.awaitReady();
      return (System.nanoTime() - start) / 1e6;
    }
  }
}
