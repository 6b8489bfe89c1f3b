package dev.pyplugins.sample.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.pyplugins.sample.db.TestDatabases;
import dev.pyplugins.sample.store.PluginConfigStore;
import org.junit.jupiter.api.Test;

class SettingsDefaultsTest {

  @Test
  void readsEachDeclaredDefaultByItsKeyAndSkipsSettingsWithoutOne() {
    Struct defaults = SettingsDefaults.of("""
        {"id": "com.example.x", "settings_schema": {"settings": [
          {"key": "BlockedWord", "type": "text", "default": "badword"},
          {"key": "Limit", "type": "number", "default": 3},
          {"key": "Enabled", "type": "bool", "default": true},
          {"key": "NoDefault", "type": "text"},
          {"type": "text", "default": "no key"}
        ]}}""");

    assertThat(defaults.getFieldsMap()).containsOnlyKeys("BlockedWord", "Limit", "Enabled");
    assertThat(defaults.getFieldsOrThrow("BlockedWord").getStringValue()).isEqualTo("badword");
    assertThat(defaults.getFieldsOrThrow("Limit").getNumberValue()).isEqualTo(3.0);
    assertThat(defaults.getFieldsOrThrow("Enabled").getBoolValue()).isTrue();
  }

  @Test
  void aManifestWithoutASettingsSchemaHasNoDefaults() {
    assertThat(SettingsDefaults.of("{\"id\": \"com.example.x\"}").getFieldsCount()).isZero();
  }

  @Test
  void savedValuesOverrideTheDefaultsOnlyInTheEffectiveConfiguration() {
    Struct saved = Struct.newBuilder().putFields("Limit", Value.newBuilder().setNumberValue(9).build()).build();
    Struct declared = Struct.newBuilder()
        .putFields("Limit", Value.newBuilder().setNumberValue(3).build())
        .putFields("BlockedWord", Value.newBuilder().setStringValue("badword").build()).build();
    PluginConfigStore configs = new PluginConfigStore(TestDatabases.h2());
    configs.save("p", saved);
    PluginSettings settings = new PluginSettings(configs, null, id -> declared);

    assertThat(settings.effective("p").getFieldsOrThrow("Limit").getNumberValue()).isEqualTo(9.0);
    assertThat(settings.effective("p").getFieldsOrThrow("BlockedWord").getStringValue()).isEqualTo("badword");
    assertThat(settings.get("p").getFieldsMap()).containsOnlyKeys("Limit");
  }
}
