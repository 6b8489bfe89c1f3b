package dev.pyplugins.sample.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Struct;
import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.sample.db.ProtoJson;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The operator console's API, administrators only: Mattermost's plugin routes ({@code GET /plugins},
 * {@code /plugins/statuses}, upload {@code POST /plugins}, {@code DELETE /plugins/{id}},
 * {@code /plugins/{id}/enable|disable}, {@code /config} and {@code /config/patch} for plugin settings), and
 * what Mattermost lacks for this runtime: {@code /plugins/{id}/restart}, {@code /plugins/{id}/logs},
 * {@code /plugins/{id}/hooks} (latencies), {@code /plugins/{id}/config}.
 */
final class PluginRoutes {
  private static final String ID = "(?<id>[A-Za-z0-9._-]+)";
  /** Mattermost's default PluginSettings.MaxFileSize: 50 MiB... of a bundle without its venv. */
  static final long BUNDLE_LIMIT = 50L << 20;
  /** Mattermost's plugin states (model.PluginState*). */
  private static final Map<String, Integer> MATTERMOST_STATES = Map.of("STOPPED", 0, "STARTING", 1, "RUNNING", 2,
      "FAILED", 3, "RESTARTING", 4, "STOPPING", 5);

  private PluginRoutes() {
  }

  static void add(RestServlet rest, PluginAdmin plugins) {
    rest.admin("GET", "/plugins", r -> manifests(plugins.statuses()))
        .adminUpload("POST", "/plugins", 201, BUNDLE_LIMIT, r -> upload(r, plugins))
        .admin("GET", "/plugins/statuses", r -> plugins.statuses().stream().map(PluginRoutes::status).toList())
        .route("GET", "/plugins/webapp", r -> List.of()) // no plugin here has a webapp part
        .admin("POST", "/plugins/" + ID + "/enable", r -> {
          found(plugins.enable(r.path("id")), r);
          return null; // Mattermost answers {"status":"OK"}
        })
        .admin("POST", "/plugins/" + ID + "/disable", r -> {
          found(plugins.disable(r.path("id")), r);
          return null;
        })
        .admin("POST", "/plugins/" + ID + "/restart", r -> status(found(plugins.restart(r.path("id")), r)))
        .admin("DELETE", "/plugins/" + ID, r -> {
          if (!plugins.remove(r.path("id"))) {
            throw notInstalled(r);
          }
          return null;
        })
        .admin("GET", "/plugins/" + ID + "/logs", r -> {
          ObjectNode logs = MattermostJson.MAPPER.createObjectNode();
          ArrayNode lines = logs.putArray("lines");
          plugins.logTail(known(plugins, r), r.queryInt("lines", 200)).forEach(lines::add);
          return logs;
        })
        .admin("GET", "/plugins/" + ID + "/hooks", r -> plugins.hookStats(known(plugins, r)).stream()
            .map(PluginRoutes::hookStat).toList())
        .admin("GET", "/plugins/" + ID + "/config", r -> plugins.settings(known(plugins, r)))
        .admin("PUT", "/plugins/" + ID + "/config", r -> {
          plugins.saveSettings(known(plugins, r), r.body(Struct.newBuilder()).build());
          return null;
        })
        .admin("GET", "/config", r -> config(plugins))
        .admin("PUT", "/config/patch", r -> {
          JsonNode saved = r.json().path("PluginSettings").path("Plugins");
          for (var entry : saved.properties()) {
            plugins.saveSettings(entry.getKey(), ProtoJson.merge(MattermostJson.write(entry.getValue()),
                Struct.newBuilder()).build());
          }
          return config(plugins);
        });
  }

  /** Mattermost's PluginsResponse: the manifests of running plugins and of the others. */
  private static ObjectNode manifests(List<PluginAdmin.PluginInfo> all) throws IOException {
    ObjectNode answer = MattermostJson.MAPPER.createObjectNode();
    ArrayNode active = answer.putArray("active");
    ArrayNode inactive = answer.putArray("inactive");
    for (PluginAdmin.PluginInfo info : all) {
      (info.state().equals("RUNNING") ? active : inactive).add(MattermostJson.MAPPER.readTree(info.manifestJson()));
    }
    return answer;
  }

  /** Mattermost's PluginStatus, plus this runtime's state name, restarts, last failure and pid. */
  static ObjectNode status(PluginAdmin.PluginInfo info) {
    JsonNode manifest;
    try {
      manifest = MattermostJson.MAPPER.readTree(info.manifestJson());
    } catch (IOException e) {
      manifest = MattermostJson.MAPPER.createObjectNode();
    }
    ObjectNode status = MattermostJson.MAPPER.createObjectNode();
    status.put("plugin_id", info.id());
    status.put("cluster_id", "");
    status.put("plugin_path", "");
    status.put("state", MATTERMOST_STATES.getOrDefault(info.state(), 0));
    status.put("error", info.problem());
    status.put("name", manifest.path("name").asText(info.id()));
    status.put("description", manifest.path("description").asText(""));
    status.put("version", manifest.path("version").asText(""));
    status.put("runtime_state", info.state());
    status.put("restarts", info.restarts());
    status.put("pid", info.pid());
    info.lastFailure().ifPresent(f -> {
      ObjectNode failure = status.putObject("last_failure");
      failure.put("kind", f.kind());
      failure.put("message", f.message());
      failure.put("exit_code", f.exitCode());
      failure.put("at", f.at());
      ArrayNode tail = failure.putArray("stderr_tail");
      f.stderrTail().forEach(tail::add);
    });
    return status;
  }

  private static ObjectNode hookStat(PluginAdmin.HookStat stat) {
    ObjectNode node = MattermostJson.MAPPER.createObjectNode();
    node.put("hook", stat.hook());
    node.put("calls", stat.calls());
    node.put("errors", stat.errors());
    node.put("p50_ms", stat.p50Ms());
    node.put("p99_ms", stat.p99Ms());
    return node;
  }

  /** The part of Mattermost's Config this host has: PluginSettings, secrets masked. */
  private static ObjectNode config(PluginAdmin plugins) throws IOException {
    ObjectNode config = MattermostJson.MAPPER.createObjectNode();
    ObjectNode settings = config.putObject("PluginSettings");
    settings.put("Enable", true);
    settings.put("EnableUploads", true);
    ObjectNode values = settings.putObject("Plugins");
    ObjectNode states = settings.putObject("PluginStates");
    for (PluginAdmin.PluginInfo info : plugins.statuses()) {
      values.set(info.id(), MattermostJson.tree(plugins.settings(info.id())));
      states.putObject(info.id()).put("Enable", !info.state().equals("STOPPED"));
    }
    return config;
  }

  private static Object upload(RestRequest r, PluginAdmin plugins) throws IOException {
    try {
      Part part = r.servletRequest().getPart("plugin");
      if (part == null) {
        throw AppErrorException.badRequest("api.plugin.upload.file.app_error",
            "Send the bundle as the multipart field 'plugin'.");
      }
      boolean force = "true".equals(r.servletRequest().getParameter("force"));
      try (InputStream bundle = part.getInputStream()) {
        return MattermostJson.MAPPER.readTree(plugins.install(bundle, force).manifestJson());
      }
    } catch (ServletException | IllegalStateException e) {
      throw AppErrorException.of(413, "api.plugin.upload.file.app_error", "The upload is not a multipart form "
          + "within " + BUNDLE_LIMIT + " bytes: " + e.getMessage());
    }
  }

  private static String known(PluginAdmin plugins, RestRequest r) {
    String id = r.path("id");
    if (plugins.statuses().stream().noneMatch(p -> p.id().equals(id))) {
      throw notInstalled(r);
    }
    return id;
  }

  private static PluginAdmin.PluginInfo found(java.util.Optional<PluginAdmin.PluginInfo> info, RestRequest r) {
    return info.orElseThrow(() -> notInstalled(r));
  }

  private static AppErrorException notInstalled(RestRequest r) {
    return AppErrorException.notFound("app.plugin.not_installed.app_error", "No plugin '" + r.path("id") + "'.");
  }
}
