package dev.pyplugins.runtime;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Moves values between an options record and its builder, whose fields carry the components' names: so an
 * option is declared once as a component (with its documentation) and once as a builder field (with its
 * default and setter), instead of again in a constructor call and a copy constructor. A builder lacking a
 * component's field fails the first build, which every test does.
 */
final class RecordBuilders {

  private RecordBuilders() {}

  /** The record made by its canonical constructor from the builder's same-named fields. */
  static <R extends Record> R build(Class<R> type, Object builder) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = read(field(builder, components[i]), builder);
    }
    try {
      return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
          .toArray(Class<?>[]::new)).newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + type.getName(), e);
    }
  }

  /** Copies every component of {@code record} into the builder's same-named field. */
  static void copy(Record record, Object builder) {
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      try {
        field(builder, component).set(builder, component.getAccessor().invoke(record));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot copy " + component.getName(), e);
      }
    }
  }

  private static Field field(Object builder, RecordComponent component) {
    try {
      Field field = builder.getClass().getDeclaredField(component.getName());
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(builder.getClass().getName() + " lacks a field for the option "
          + component.getName(), e);
    }
  }

  private static Object read(Field field, Object builder) {
    try {
      return field.get(builder);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
