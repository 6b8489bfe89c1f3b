package dev.pyplugins.codegen.java;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/** Calls into classes compiled during the test, rethrowing what the callee threw. */
final class Reflect {

  private Reflect() {}

  static Object callStatic(Class<?> type, String name, Class<?>[] parameterTypes, Object... args) {
    try {
      return invoke(type.getMethod(name, parameterTypes), null, args);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(type.getName() + " has no method " + name + Arrays.toString(parameterTypes), e);
    }
  }

  static Object newInstance(Class<?> type, Class<?>[] parameterTypes, Object... args) {
    try {
      return type.getConstructor(parameterTypes).newInstance(args);
    } catch (InvocationTargetException e) {
      throw rethrown(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot construct " + type.getName(), e);
    }
  }

  /** The one public method of that name. */
  static Method method(Class<?> type, String name) {
    Method[] matches = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).toArray(Method[]::new);
    if (matches.length != 1) {
      throw new AssertionError(type.getName() + " has " + matches.length + " methods named " + name);
    }
    return matches[0];
  }

  /** Invokes, rethrowing the callee's own exception unwrapped. */
  static Object invoke(Method method, Object target, Object... args) {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw rethrown(e.getCause());
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  /** Runtime exceptions and errors as they are; a checked exception wrapped in {@link CheckedFailure}. */
  private static RuntimeException rethrown(Throwable t) {
    if (t instanceof RuntimeException e) {
      return e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new CheckedFailure(t);
  }

  /** A checked exception the callee threw, such as an IOException from a streaming hook. */
  static final class CheckedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CheckedFailure(Throwable cause) {
      super(cause);
    }
  }
}
