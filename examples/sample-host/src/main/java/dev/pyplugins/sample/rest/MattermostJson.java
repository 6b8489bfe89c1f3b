package dev.pyplugins.sample.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.ListValue;
import com.google.protobuf.MapEntry;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Protobuf messages as Mattermost's server writes them: snake_case names, every scalar, list and map field
 * present (Go marshals zero values too), 64-bit integers as JSON numbers (protobuf's own JSON writes them as
 * strings, which Mattermost's clients would compare wrongly), {@code props} as an object even when empty.
 * Unset message fields are left out, as Go's {@code omitempty} pointers are; a user's password and MFA
 * secret, a session's token and a command's token are never written.
 */
public final class MattermostJson {
  /** Shared, thread-safe (Jackson's mapper is once configured). */
  public static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Secrets a client never gets, whatever the message holds (Mattermost sanitises users the same way). */
  private static final java.util.Set<String> NEVER_WRITTEN = java.util.Set.of("mattermost.pluginapi.v1.User.password",
      "mattermost.pluginapi.v1.User.mfa_secret", "mattermost.pluginapi.v1.Session.token",
      "mattermost.pluginapi.v1.Command.token");

  private MattermostJson() {
  }

  /** The message as a JSON tree. */
  public static ObjectNode tree(MessageOrBuilder message) {
    if (message instanceof Struct struct) {
      return struct(struct);
    }
    ObjectNode object = NODES.objectNode();
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      if (NEVER_WRITTEN.contains(field.getFullName())) {
        continue;
      }
      if (field.hasPresence() && !field.isRepeated() && !message.hasField(field)) {
        if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
            && field.getMessageType().getFullName().equals(Struct.getDescriptor().getFullName())) {
          object.set(field.getName(), NODES.objectNode());
        }
        continue;
      }
      object.set(field.getName(), field(field, message.getField(field)));
    }
    return object;
  }

  /** A list of messages as a JSON array. */
  public static ArrayNode array(List<? extends MessageOrBuilder> messages) {
    ArrayNode array = NODES.arrayNode();
    messages.forEach(m -> array.add(tree(m)));
    return array;
  }

  /** Compact JSON text of a tree. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /** Compact JSON text of a message. */
  public static String write(MessageOrBuilder message) {
    return write(tree(message));
  }

  private static JsonNode field(FieldDescriptor field, Object value) {
    if (field.isMapField()) {
      ObjectNode map = NODES.objectNode();
      for (Object entry : (List<?>) value) {
        Message pair = (Message) entry;
        FieldDescriptor key = pair.getDescriptorForType().findFieldByName("key");
        FieldDescriptor val = pair.getDescriptorForType().findFieldByName("value");
        map.set(String.valueOf(pair.getField(key)), single(val, pair.getField(val)));
      }
      return map;
    }
    if (field.isRepeated()) {
      ArrayNode array = NODES.arrayNode();
      ((List<?>) value).forEach(item -> array.add(single(field, item)));
      return array;
    }
    return single(field, value);
  }

  private static JsonNode single(FieldDescriptor field, Object value) {
    return switch (field.getJavaType()) {
      case INT -> NODES.numberNode((Integer) value);
      case LONG -> NODES.numberNode((Long) value);
      case FLOAT -> NODES.numberNode((Float) value);
      case DOUBLE -> NODES.numberNode((Double) value);
      case BOOLEAN -> NODES.booleanNode((Boolean) value);
      case STRING -> NODES.textNode((String) value);
      case BYTE_STRING -> NODES.textNode(Base64.getEncoder().encodeToString(
          ((com.google.protobuf.ByteString) value).toByteArray()));
      case ENUM -> NODES.textNode(((com.google.protobuf.Descriptors.EnumValueDescriptor) value).getName());
      case MESSAGE -> message((Message) value);
    };
  }

  private static JsonNode message(Message value) {
    if (value instanceof Struct struct) {
      return struct(struct);
    }
    if (value instanceof Value v) {
      return value(v);
    }
    if (value instanceof ListValue list) {
      return list(list);
    }
    if (value instanceof MapEntry<?, ?>) {
      throw new IllegalStateException("map entries are written by their map");
    }
    return tree(value);
  }

  private static ObjectNode struct(Struct struct) {
    ObjectNode object = NODES.objectNode();
    for (Map.Entry<String, Value> entry : struct.getFieldsMap().entrySet()) {
      object.set(entry.getKey(), value(entry.getValue()));
    }
    return object;
  }

  private static ArrayNode list(ListValue list) {
    ArrayNode array = NODES.arrayNode();
    list.getValuesList().forEach(v -> array.add(value(v)));
    return array;
  }

  private static JsonNode value(Value value) {
    return switch (value.getKindCase()) {
      case NULL_VALUE, KIND_NOT_SET -> NODES.nullNode();
      case NUMBER_VALUE -> number(value.getNumberValue());
      case STRING_VALUE -> NODES.textNode(value.getStringValue());
      case BOOL_VALUE -> NODES.booleanNode(value.getBoolValue());
      case STRUCT_VALUE -> struct(value.getStructValue());
      case LIST_VALUE -> list(value.getListValue());
    };
  }

  /** Whole numbers without a fraction ({@code 3}, not {@code 3.0}), as Go writes a float64 holding one. */
  private static JsonNode number(double number) {
    if (number == Math.rint(number) && Math.abs(number) < 1e15) {
      return NODES.numberNode((long) number);
    }
    return NODES.numberNode(number);
  }
}
