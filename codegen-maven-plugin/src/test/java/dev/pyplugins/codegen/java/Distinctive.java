package dev.pyplugins.codegen.java;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Set;

/**
 * Fills protobuf messages, through reflection, with a value in every field that differs from every other
 * field's: strings and bytes name the seed and the field path, numbers count up from a seed-dependent
 * start (longs beyond the int range), enums avoid their zero value, repeated fields and maps get two
 * entries, nested messages are filled down to a few levels. A value that lands in the wrong parameter or
 * field therefore never looks right by accident.
 */
final class Distinctive {

  private static final int MAX_DEPTH = 3;

  private final String seed;
  private long counter;

  Distinctive(String seed) {
    this.seed = seed;
    this.counter = 1 + (seed.hashCode() & 0xfff) * 1000L;
  }

  /** A message of {@code prototype}'s type with every field filled except those named in {@code skip}. */
  Message message(Message prototype, Set<String> skip) {
    Message.Builder builder = prototype.newBuilderForType();
    fill(builder, prototype.getDescriptorForType().getName(), 0, skip);
    return builder.build();
  }

  private void fill(Message.Builder builder, String path, int depth, Set<String> skip) {
    for (FieldDescriptor field : builder.getDescriptorForType().getFields()) {
      if (skip.contains(field.getName()) || !chosenInOneof(field)) {
        continue;
      }
      String fieldPath = path + "." + field.getName();
      if (field.isMapField()) {
        for (int i = 0; i < 2; i++) {
          Message.Builder entry = builder.newBuilderForField(field);
          FieldDescriptor key = entry.getDescriptorForType().findFieldByName("key");
          FieldDescriptor value = entry.getDescriptorForType().findFieldByName("value");
          entry.setField(key, value(key, entry, fieldPath + "{" + i + "}", depth));
          entry.setField(value, value(value, entry, fieldPath + "[" + i + "]", depth));
          builder.addRepeatedField(field, entry.build());
        }
      } else if (field.isRepeated()) {
        for (int i = 0; i < 2; i++) {
          builder.addRepeatedField(field, value(field, builder, fieldPath + "[" + i + "]", depth));
        }
      } else {
        builder.setField(field, value(field, builder, fieldPath, depth));
      }
    }
  }

  /** Of a real oneof, only the first member that can hold a distinctive value is set. */
  private static boolean chosenInOneof(FieldDescriptor field) {
    OneofDescriptor oneof = field.getRealContainingOneof();
    if (oneof == null) {
      return true;
    }
    return oneof.getFields().stream().filter(Distinctive::canBeDistinctive).findFirst().orElse(null) == field;
  }

  private static boolean canBeDistinctive(FieldDescriptor field) {
    return field.getJavaType() != FieldDescriptor.JavaType.ENUM || field.getEnumType().getValues().size() > 1;
  }

  private Object value(FieldDescriptor field, Message.Builder parent, String path, int depth) {
    long n = ++counter;
    return switch (field.getJavaType()) {
      case INT -> (int) n;
      case LONG -> n + 10_000_000_000L;
      case FLOAT -> n + 0.5f;
      case DOUBLE -> n + 0.25;
      case BOOLEAN -> true;
      case STRING -> seed + ":" + path;
      case BYTE_STRING -> ByteString.copyFromUtf8("bytes:" + seed + ":" + path);
      case ENUM -> enumValue(field.getEnumType().getValues(), n);
      case MESSAGE -> {
        Message.Builder nested = parent.newBuilderForField(field);
        if (depth < MAX_DEPTH) {
          fill(nested, path, depth + 1, Set.of());
        }
        yield nested.build();
      }
    };
  }

  private static EnumValueDescriptor enumValue(List<EnumValueDescriptor> values, long n) {
    return values.size() == 1 ? values.get(0) : values.get(1 + (int) (n % (values.size() - 1)));
  }
}
