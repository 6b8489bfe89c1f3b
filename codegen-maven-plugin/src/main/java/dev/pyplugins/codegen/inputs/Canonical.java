package dev.pyplugins.codegen.inputs;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A stable text form of option records, for hashing: every record component by name, maps sorted by key,
 * so the text does not depend on hash order, and a component added to an options record later is covered
 * without touching this class.
 */
final class Canonical {

  private Canonical() {}

  static String text(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Record record) {
      out.append(record.getClass().getSimpleName()).append('{');
      RecordComponent[] components = record.getClass().getRecordComponents();
      for (int i = 0; i < components.length; i++) {
        out.append(i == 0 ? "" : ", ").append(components[i].getName()).append('=');
        append(out, read(components[i], record));
      }
      out.append('}');
    } else if (value instanceof Optional<?> optional) {
      append(out, optional.orElse(null));
    } else if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      out.append('{');
      String separator = "";
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
        out.append(separator).append(quote(e.getKey())).append('=');
        append(out, e.getValue());
        separator = ", ";
      }
      out.append('}');
    } else if (value instanceof Collection<?> collection) {
      out.append('[');
      String separator = "";
      for (Object element : collection) {
        out.append(separator);
        append(out, element);
        separator = ", ";
      }
      out.append(']');
    } else if (value instanceof CharSequence text) {
      out.append(quote(text.toString()));
    } else {
      out.append(value);
    }
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component + " of " + record.getClass(), e);
    }
  }

  private static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }
}
