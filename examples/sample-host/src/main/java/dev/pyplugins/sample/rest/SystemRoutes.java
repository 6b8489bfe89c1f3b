package dev.pyplugins.sample.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /system/ping} (health, no login needed) and the client configuration Mattermost's clients read first. */
final class SystemRoutes {
  private SystemRoutes() {
  }

  static void add(RestServlet rest, RestParts parts) {
    rest.open("GET", "/system/ping", r -> {
          ObjectNode ping = UserRoutes.status("OK");
          ping.put("ActiveSearchBackend", "database");
          ping.put("version", parts.server().version());
          if (r.query("get_server_status", "").equals("true")) {
            parts.users().find("0"); // a round trip to the database: it answers, or the ping fails with a 500
            ping.put("database_status", "OK");
            ping.put("filestore_status", "OK");
          }
          return ping;
        })
        .open("GET", "/config/client", r -> {
          ObjectNode config = MattermostJson.MAPPER.createObjectNode();
          config.put("Version", parts.server().version());
          config.put("BuildNumber", "sample-host");
          config.put("SiteName", parts.server().siteName());
          config.put("SiteURL", "");
          config.put("EnableSignUpWithEmail", "false");
          config.put("EnableSignInWithUsername", "true");
          config.put("EnableSignInWithEmail", "true");
          config.put("EnableCustomEmoji", "false");
          config.put("EnableCommands", "true");
          config.put("PostMessageMaxRunes", "16383");
          config.put("ExperimentalEnablePostMetadata", "false");
          config.put("CollapsedThreads", "disabled");
          config.put("IsDefaultMarketplace", "false");
          config.put("PluginsEnabled", "true");
          return config;
        });
  }
}
