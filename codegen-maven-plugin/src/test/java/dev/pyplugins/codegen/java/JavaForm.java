package dev.pyplugins.codegen.java;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.ProtocolMessageEnum;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field values as the idiomatic Java API shows them, in a canonical form both sides can be compared in:
 * enums as their value descriptors, lists as lists, maps as maps, absent fields with presence as null.
 */
final class JavaForm {

  private JavaForm() {}

  /** The value the Java API should show for the field of {@code message}, canonical. */
  static Object expected(Message message, FieldDescriptor field) {
    if (field.isMapField()) {
      Map<Object, Object> map = new LinkedHashMap<>();
      for (Object entry : (List<?>) message.getField(field)) {
        Message e = (Message) entry;
        FieldDescriptor key = e.getDescriptorForType().findFieldByName("key");
        FieldDescriptor value = e.getDescriptorForType().findFieldByName("value");
        map.put(e.getField(key), e.getField(value));
      }
      return map;
    }
    if (field.isRepeated()) {
      return List.copyOf((List<?>) message.getField(field));
    }
    if (field.hasPresence() && !message.hasField(field)) {
      return null;
    }
    return message.getField(field);
  }

  /** A value the Java API produced, canonical. */
  static Object canonical(Object value) {
    if (value instanceof ProtocolMessageEnum e) {
      return e.getValueDescriptor();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(JavaForm::canonical).toList();
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, canonical(v)));
      return copy;
    }
    return value;
  }

  /** A canonical value in the Java type the API declares (enum constants instead of descriptors). */
  static Object toJava(Object canonical, Type type) {
    if (canonical == null) {
      return null;
    }
    if (type instanceof Class<?> c && c.isEnum()) {
      return Reflect.callStatic(c, "valueOf", new Class<?>[] {EnumValueDescriptor.class}, canonical);
    }
    if (type instanceof ParameterizedType p && canonical instanceof List<?> list) {
      return list.stream().map(v -> toJava(v, p.getActualTypeArguments()[0])).toList();
    }
    if (type instanceof ParameterizedType p && canonical instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, toJava(v, p.getActualTypeArguments()[1])));
      return copy;
    }
    return canonical;
  }

  /** The Java arguments for the parameter fields of {@code request}, typed as {@code method} declares them. */
  static Object[] arguments(Message request, List<FieldDescriptor> parameters, Method method, Object... extra) {
    Object[] args = new Object[parameters.size() + extra.length];
    Type[] types = method.getGenericParameterTypes();
    for (int i = 0; i < parameters.size(); i++) {
      args[i] = toJava(expected(request, parameters.get(i)), types[i]);
    }
    System.arraycopy(extra, 0, args, parameters.size(), extra.length);
    return args;
  }
}
