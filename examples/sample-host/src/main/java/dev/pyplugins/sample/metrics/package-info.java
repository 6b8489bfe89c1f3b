/** Prometheus metrics per plugin (hook calls, errors, latency histograms, API calls, restarts) and GET /metrics. */
package dev.pyplugins.sample.metrics;
