package dev.pyplugins.sample.api;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;

/**
 * The defaults a plugin's {@code plugin.json} declares for its settings
 * ({@code settings_schema.settings[].default}), keyed by setting key: what LoadPluginConfiguration merges
 * the saved configuration over, as Mattermost does.
 */
public final class SettingsDefaults {

  private SettingsDefaults() {}

  /** The declared defaults; settings without a key or a default are left out. */
  public static Struct of(String manifestJson) {
    Struct.Builder manifest = Struct.newBuilder();
    try {
      JsonFormat.parser().ignoringUnknownFields().merge(manifestJson, manifest);
    } catch (InvalidProtocolBufferException e) {
      return Struct.getDefaultInstance(); // the runtime validated the manifest; nothing to offer otherwise
    }
    Struct.Builder defaults = Struct.newBuilder();
    Value schema = manifest.getFieldsOrDefault("settings_schema", Value.getDefaultInstance());
    Value settings = schema.getStructValue().getFieldsOrDefault("settings", Value.getDefaultInstance());
    for (Value setting : settings.getListValue().getValuesList()) {
      Struct fields = setting.getStructValue();
      Value key = fields.getFieldsOrDefault("key", Value.getDefaultInstance());
      if (key.hasStringValue() && !key.getStringValue().isEmpty() && fields.containsFields("default")) {
        defaults.putFields(key.getStringValue(), fields.getFieldsOrThrow("default"));
      }
    }
    return defaults.build();
  }
}
