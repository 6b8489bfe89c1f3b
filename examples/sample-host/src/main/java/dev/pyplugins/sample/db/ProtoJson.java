package dev.pyplugins.sample.db;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;

/**
 * Protobuf messages as JSON with Mattermost's snake_case field names: how the database keeps whole
 * messages (nothing is lost: props, notify_props, metadata) and how the REST layer speaks.
 */
public final class ProtoJson {
  private static final JsonFormat.Printer COMPACT =
      JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();
  private static final JsonFormat.Printer PRETTY = JsonFormat.printer().preservingProtoFieldNames();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

  private ProtoJson() {
  }

  /** One line of JSON, default values omitted. */
  public static String write(MessageOrBuilder message) {
    try {
      return COMPACT.print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("cannot print " + message.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** Indented JSON, for people. */
  public static String writePretty(MessageOrBuilder message) {
    try {
      return PRETTY.print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("cannot print " + message.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /**
   * Merges {@code json} into {@code builder} and returns it; unknown fields are ignored.
   *
   * @throws IllegalArgumentException when {@code json} is not JSON of that message
   */
  public static <B extends Message.Builder> B merge(String json, B builder) {
    try {
      PARSER.merge(json, builder);
      return builder;
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not a valid " + builder.getDescriptorForType().getName() + ": "
          + e.getMessage(), e);
    }
  }
}
