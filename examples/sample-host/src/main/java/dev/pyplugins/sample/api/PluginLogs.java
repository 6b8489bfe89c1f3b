package dev.pyplugins.sample.api;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The API's LogDebug/Info/Warn/Error: a plugin's message to SLF4J on logger {@code dev.pyplugins.plugin.<id>}
 * (the one the runtime uses for the plugin's own output) with MDC {@code plugin_id}, and the alternating
 * keys and values as SLF4J key/value pairs.
 */
public final class PluginLogs {
  private static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace();

  private PluginLogs() {
  }

  public static void log(String pluginId, Level level, String message, List<Value> keyValuePairs) {
    Logger logger = LoggerFactory.getLogger("dev.pyplugins.plugin." + pluginId);
    LoggingEventBuilder event = logger.atLevel(level).setMessage(message);
    for (int i = 0; i < keyValuePairs.size(); i += 2) {
      String key = text(keyValuePairs.get(i));
      Object value = i + 1 < keyValuePairs.size() ? text(keyValuePairs.get(i + 1)) : "(missing)";
      event = event.addKeyValue(key, value);
    }
    MDC.put("plugin_id", pluginId);
    try {
      event.log();
    } finally {
      MDC.remove("plugin_id");
    }
  }

  private static String text(Value value) {
    return switch (value.getKindCase()) {
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      case NUMBER_VALUE -> value.getNumberValue() == Math.rint(value.getNumberValue())
          && Math.abs(value.getNumberValue()) < 1e15 ? Long.toString((long) value.getNumberValue())
          : Double.toString(value.getNumberValue());
      case NULL_VALUE, KIND_NOT_SET -> "null";
      default -> {
        try {
          yield JSON.print(value);
        } catch (InvalidProtocolBufferException e) {
          yield value.toString();
        }
      }
    };
  }
}
