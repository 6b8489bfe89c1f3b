package dev.pyplugins.sample.store;

import com.google.protobuf.Struct;
import dev.pyplugins.sample.db.Database;
import dev.pyplugins.sample.db.ProtoJson;

/** Each plugin's configuration, a JSON object (table {@code plugin_configs}); empty until saved. */
public final class PluginConfigStore {
  private final Database database;

  public PluginConfigStore(Database database) {
    this.database = database;
  }

  public Struct get(String pluginId) {
    return database.queryOne("SELECT data FROM plugin_configs WHERE plugin_id = ?",
        row -> ProtoJson.merge(row.getString(1), Struct.newBuilder()).build(), pluginId)
        .orElse(Struct.getDefaultInstance());
  }

  public void save(String pluginId, Struct config) {
    String json = ProtoJson.write(config);
    if (database.update("UPDATE plugin_configs SET data = ? WHERE plugin_id = ?", json, pluginId) == 0) {
      database.update("INSERT INTO plugin_configs (plugin_id, data) VALUES (?, ?)", pluginId, json);
    }
  }
}
