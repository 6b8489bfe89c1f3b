package dev.pyplugins.codegen.java;

import dev.pyplugins.runtime.support.PluginCaller;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@code PluginApi} (as a dynamic proxy) that records every call with what the server made available
 * during it, reads any request body to the end, and then does what the test planned: return a value, write
 * to the sink, or throw.
 */
final class RecordingApi implements InvocationHandler {

  /** What the next calls do. */
  @FunctionalInterface
  interface Plan {
    Object run(Method method, Object[] args) throws Exception;
  }

  /**
   * One recorded call.
   *
   * @param requestContext what {@code PluginApiServer.requestContext()} said during the call
   * @param caller what {@code PluginCaller.current()} said during the call
   * @param body the request body read to its end, for streamed RPCs
   */
  record Call(Method method, List<Object> args, Object requestContext, Optional<PluginCaller> caller, byte[] body) {}

  private final Class<?> server;
  private final List<Call> calls = new ArrayList<>();
  private volatile Plan plan = (method, args) -> null;

  RecordingApi(Class<?> server) {
    this.server = server;
  }

  void plan(Plan next) {
    synchronized (calls) {
      calls.clear();
    }
    plan = next;
  }

  /** The one call made since the plan was set. */
  Call onlyCall() {
    synchronized (calls) {
      if (calls.size() != 1) {
        throw new AssertionError("expected one call to the PluginApi, got " + calls.size());
      }
      return calls.get(0);
    }
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "hashCode" -> System.identityHashCode(proxy);
        case "equals" -> proxy == args[0];
        default -> "RecordingApi";
      };
    }
    Object[] given = args == null ? new Object[0] : args;
    byte[] body = null;
    for (Object arg : given) {
      if (arg instanceof InputStream in) {
        body = in.readAllBytes();
      }
    }
    Object requestContext = Reflect.callStatic(server, "requestContext", new Class<?>[0]);
    synchronized (calls) {
      calls.add(new Call(method, new ArrayList<>(Arrays.asList(given)), requestContext, PluginCaller.current(), body));
    }
    return plan.run(method, given);
  }
}
