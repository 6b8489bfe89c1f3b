package dev.pyplugins.sample.admin;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import java.util.HashSet;
import java.util.Set;

/**
 * Masks a plugin's secret settings (manifest {@code settings_schema.settings[]} with {@code "secret": true})
 * as Mattermost does: the console shows Mattermost's fake value instead, and sending the fake value back
 * keeps the saved secret.
 */
public final class SecretSettings {
  /** Mattermost's model.FakeSetting. */
  public static final String FAKE = "********************************";

  private SecretSettings() {
  }

  public static Struct mask(String manifestJson, Struct settings) {
    Set<String> secrets = secretKeys(manifestJson);
    Struct.Builder masked = settings.toBuilder();
    for (String key : settings.getFieldsMap().keySet()) {
      if (secrets.contains(key) && !settings.getFieldsOrThrow(key).getStringValue().isEmpty()) {
        masked.putFields(key, Value.newBuilder().setStringValue(FAKE).build());
      }
    }
    return masked.build();
  }

  /** {@code incoming} with each secret that still reads {@link #FAKE} put back to its {@code saved} value. */
  public static Struct unmask(String manifestJson, Struct incoming, Struct saved) {
    Set<String> secrets = secretKeys(manifestJson);
    Struct.Builder real = incoming.toBuilder();
    for (var entry : incoming.getFieldsMap().entrySet()) {
      if (secrets.contains(entry.getKey()) && FAKE.equals(entry.getValue().getStringValue())) {
        if (saved.containsFields(entry.getKey())) {
          real.putFields(entry.getKey(), saved.getFieldsOrThrow(entry.getKey()));
        } else {
          real.removeFields(entry.getKey());
        }
      }
    }
    return real.build();
  }

  static Set<String> secretKeys(String manifestJson) {
    Struct.Builder manifest = Struct.newBuilder();
    try {
      JsonFormat.parser().ignoringUnknownFields().merge(manifestJson, manifest);
    } catch (InvalidProtocolBufferException e) {
      return Set.of();
    }
    Set<String> keys = new HashSet<>();
    Value settings = manifest.getFieldsOrDefault("settings_schema", Value.getDefaultInstance()).getStructValue()
        .getFieldsOrDefault("settings", Value.getDefaultInstance());
    for (Value setting : settings.getListValue().getValuesList()) {
      Struct fields = setting.getStructValue();
      if (fields.getFieldsOrDefault("secret", Value.getDefaultInstance()).getBoolValue()) {
        keys.add(fields.getFieldsOrDefault("key", Value.getDefaultInstance()).getStringValue());
      }
    }
    return keys;
  }
}
