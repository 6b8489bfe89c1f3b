package dev.pyplugins.benchmarks.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;
import java.util.concurrent.Callable;

/**
 * The ServeHTTP figures: an HTTP client (the JDK's, in the host's JVM) uploading to and downloading from
 * the SDK plugin through Jetty and {@code PluginHttpServlet}; against the bare gRPC stream of
 * {@link FloorStreams}; the same transfers through the runtime without HTTP ({@link BridgeStreams}), each
 * beside the floor again, which splits the gap between the HTTP hop and the runtime and SDK; and the same transfers against {@link DirectServlet}, the host's HTTP rate without a
 * plugin, printed for context. Rates are in MB/s (10^6 bytes per second).
 */
final class HttpBenchmark {
  private static final int CHUNK_SIZE = 64 * 1024;

  private final Settings settings;
  private final HttpHost host;
  private final FloorStreams floor;
  private final BridgeStreams bridge;
  private final String pluginId;
  private final LongSupplier pluginPid;
  private final long floorPid;
  private final long size;

  HttpBenchmark(Settings settings, HttpHost host, String pluginId, LongSupplier pluginPid, BridgeStreams bridge,
      FloorStreams floor, long floorPid) {
    this.settings = settings;
    this.host = host;
    this.bridge = bridge;
    this.floor = floor;
    this.pluginId = pluginId;
    this.pluginPid = pluginPid;
    this.floorPid = floorPid;
    this.size = settings.httpMib() * 1024L * 1024L;
  }

  /** 64 KiB of a fixed pattern, the unit of every transfer. */
  static byte[] chunk() {
    byte[] chunk = new byte[CHUNK_SIZE];
    for (int i = 0; i < chunk.length; i++) {
      chunk[i] = (byte) i;
    }
    return chunk;
  }

  void run(ResultTable table) throws Exception {
    String plugin = host.url("/plugins/" + pluginId);
    String direct = host.url("/direct");
    // warm-up: one transfer of each kind
    rate(() -> upload(plugin + "/upload"));
    rate(() -> download(plugin + "/download"));
    rate(() -> bridge.upload(size));
    rate(() -> bridge.download(size));
    rate(() -> floor.upload(size));
    rate(() -> floor.download(size));
    rate(() -> upload(direct + "/upload"));
    rate(() -> download(direct + "/download"));

    double mb = size / 1e6;
    CpuMeter upCpu = new CpuMeter(pluginPid);
    CpuMeter upFloorCpu = new CpuMeter(() -> floorPid);
    Measure.Pair<Double> up = Measure.sideBySide(settings.runs(),
        upCpu.around(mb, () -> rate(() -> upload(plugin + "/upload"))),
        upFloorCpu.around(mb, () -> rate(() -> floor.upload(size))));
    CpuMeter downCpu = new CpuMeter(pluginPid);
    CpuMeter downFloorCpu = new CpuMeter(() -> floorPid);
    Measure.Pair<Double> down = Measure.sideBySide(settings.runs(),
        downCpu.around(mb, () -> rate(() -> download(plugin + "/download"))),
        downFloorCpu.around(mb, () -> rate(() -> floor.download(size))));
    CpuMeter bridgeUpCpu = new CpuMeter(pluginPid);
    CpuMeter bridgeUpFloorCpu = new CpuMeter(() -> floorPid);
    Measure.Pair<Double> bridgeUp = Measure.sideBySide(settings.runs(),
        bridgeUpCpu.around(mb, () -> rate(() -> bridge.upload(size))),
        bridgeUpFloorCpu.around(mb, () -> rate(() -> floor.upload(size))));
    CpuMeter bridgeDownCpu = new CpuMeter(pluginPid);
    CpuMeter bridgeDownFloorCpu = new CpuMeter(() -> floorPid);
    Measure.Pair<Double> bridgeDown = Measure.sideBySide(settings.runs(),
        bridgeDownCpu.around(mb, () -> rate(() -> bridge.download(size))),
        bridgeDownFloorCpu.around(mb, () -> rate(() -> floor.download(size))));
    CpuMeter directCpu = new CpuMeter(pluginPid);
    Measure.Pair<Double> directRates = Measure.sideBySide(settings.runs(),
        directCpu.around(mb, () -> rate(() -> upload(direct + "/upload"))),
        directCpu.around(mb, () -> rate(() -> download(direct + "/download"))));
    table.add(Row.compared("ServeHTTP upload through a plugin", "MB/s", Measure.median(up.ours()),
        Measure.median(up.floor()), Row.Target.atLeast(0.8)));
    table.add(Row.compared("ServeHTTP download through a plugin", "MB/s", Measure.median(down.ours()),
        Measure.median(down.floor()), Row.Target.atLeast(0.8)));
    table.add(Row.compared("ServeHTTP upload, runtime and SDK only (no HTTP server)", "MB/s",
        Measure.median(bridgeUp.ours()), Measure.median(bridgeUp.floor()), Row.Target.atLeast(0.8)));
    table.add(Row.compared("ServeHTTP download, runtime and SDK only (no HTTP server)", "MB/s",
        Measure.median(bridgeDown.ours()), Measure.median(bridgeDown.floor()), Row.Target.atLeast(0.8)));
    table.add(Row.context("host HTTP upload, no plugin (context)", "MB/s", Measure.median(directRates.ours())));
    table.add(Row.context("host HTTP download, no plugin (context)", "MB/s", Measure.median(directRates.floor())));
    table.add(CpuRow.of("ServeHTTP upload (ours: HTTP client and Jetty included)", "ms per MB", upCpu, upFloorCpu, 1e3));
    table.add(CpuRow.of("ServeHTTP download (ours: HTTP client and Jetty included)", "ms per MB", downCpu,
        downFloorCpu, 1e3));
    table.add(CpuRow.of("ServeHTTP upload, runtime and SDK only", "ms per MB", bridgeUpCpu, bridgeUpFloorCpu, 1e3));
    table.add(CpuRow.of("ServeHTTP download, runtime and SDK only", "ms per MB", bridgeDownCpu, bridgeDownFloorCpu,
        1e3));
    double[] hostOnly = directCpu.perOp(1e3);
    table.add(new CpuRow("host HTTP, no plugin, up and down (HTTP client and Jetty)", "ms per MB", hostOnly[0],
        Double.NaN, Double.NaN, Double.NaN));
  }

  /** Runs one transfer; MB/s, after checking it moved every byte. */
  private double rate(Callable<Long> transfer) throws Exception {
    long start = System.nanoTime();
    long moved = transfer.call();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (moved != size) {
      throw new IllegalStateException("transferred " + moved + " bytes, expected " + size);
    }
    return size / 1e6 / seconds;
  }

  /** POSTs {@code size} bytes; the byte count the server answered. */
  private long upload(String url) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setDoOutput(true);
    c.setRequestMethod("POST");
    c.setFixedLengthStreamingMode(size);
    byte[] block = chunk();
    try (OutputStream out = c.getOutputStream()) {
      for (long sent = 0; sent < size; sent += block.length) {
        out.write(block, 0, (int) Math.min(block.length, size - sent));
      }
    }
    checkStatus(c);
    try (InputStream in = c.getInputStream()) {
      return Long.parseLong(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
    }
  }

  /** GETs {@code size} bytes; the bytes received. */
  private long download(String url) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url + "?bytes=" + size).toURL().openConnection();
    checkStatus(c);
    long received = 0;
    byte[] buffer = new byte[CHUNK_SIZE];
    try (InputStream in = c.getInputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        received += n;
      }
    }
    return received;
  }

  private static void checkStatus(HttpURLConnection c) throws IOException {
    if (c.getResponseCode() != 200) {
      throw new IOException(c.getURL() + " answered " + c.getResponseCode());
    }
  }
}
