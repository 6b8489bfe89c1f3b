package dev.pyplugins.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyplugins.runtime.testing.ChildHost;
import dev.pyplugins.runtime.testing.SdkPlugins;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1 GiB up and 1 GiB down through the HTTP bridge and a Python SDK plugin's ServeHTTP, with the host in a
 * child JVM whose heap is capped at 64 MiB: bodies are streamed, never held whole.
 */
class BigTransferIT {
  private static final long GIB = 1L << 30;
  private static final String HEAP = "-Xmx64m";
  @TempDir Path plugins;

  @Test
  void oneGibibyteUploadAndDownloadWithTheHostHeapBounded() throws Exception {
    SdkPlugins.plugin(plugins, "com.example.big", Map.of());
    Path socketBase = Files.createTempDirectory(Path.of("/tmp"), "pyb");
    try (ChildHost host = new ChildHost(plugins, socketBase, List.of(HEAP, "-XX:+UseSerialGC"))) {
      String base = "http://127.0.0.1:" + host.port() + "/plugins/com.example.big";

      long start = System.nanoTime();
      HttpURLConnection upload = (HttpURLConnection) URI.create(base + "/upload").toURL().openConnection();
      upload.setDoOutput(true);
      upload.setRequestMethod("POST");
      upload.setFixedLengthStreamingMode(GIB);
      byte[] block = new byte[1 << 16];
      for (int i = 0; i < block.length; i++) {
        block[i] = (byte) i;
      }
      try (OutputStream out = upload.getOutputStream()) {
        for (long sent = 0; sent < GIB; sent += block.length) {
          out.write(block);
        }
      }
      String counted;
      try (InputStream in = upload.getInputStream()) {
        counted = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      }
      double upSeconds = (System.nanoTime() - start) / 1e9;
      assertThat(upload.getResponseCode()).isEqualTo(200);
      assertThat(counted).isEqualTo(Long.toString(GIB));

      start = System.nanoTime();
      HttpURLConnection download = (HttpURLConnection) URI.create(base + "/download?bytes=" + GIB).toURL()
          .openConnection();
      long received = 0;
      boolean patternHolds = true;
      try (InputStream in = download.getInputStream()) {
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) >= 0) {
          for (int i = 0; i < n && patternHolds; i += 4099) {
            patternHolds = buffer[i] == (byte) ((received + i) % 256);
          }
          received += n;
        }
      }
      double downSeconds = (System.nanoTime() - start) / 1e9;
      assertThat(download.getResponseCode()).isEqualTo(200);
      assertThat(download.getHeaderFieldLong("Content-Length", -1)).isEqualTo(GIB);
      assertThat(received).isEqualTo(GIB);
      assertThat(patternHolds).isTrue();

      long[] heap = host.heap();
      System.out.printf("1 GiB ServeHTTP through an SDK plugin, host JVM %s: upload %.1f s (%.0f MB/s), download %.1f s"
          + " (%.0f MB/s); host peak heap %.1f MiB of %.1f MiB max%n", HEAP, upSeconds, GIB / 1e6 / upSeconds,
          downSeconds, GIB / 1e6 / downSeconds, heap[0] / 1048576.0, heap[1] / 1048576.0);
      assertThat(heap[1]).isLessThanOrEqualTo(64L << 20);
      assertThat(heap[0]).isLessThan(heap[1]);
    } finally {
      Files.deleteIfExists(socketBase);
    }
  }
}
