package dev.pyplugins.sample.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /metrics}: the host's metrics in Prometheus text format, written by the library's own writer.
 * Like Mattermost's metrics listener it needs no login (it holds counts and plugin ids, no content).
 */
public final class MetricsServlet extends HttpServlet {
  private final HostMetrics metrics;
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  public MetricsServlet(HostMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setStatus(200);
    response.setContentType(writer.getContentType());
    writer.write(response.getOutputStream(), metrics.registry().scrape());
  }
}
