package dev.pyplugins.sample.metrics;

import dev.pyplugins.protocol.v1.Hooks;
import dev.pyplugins.sample.hooks.HookDispatcher;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * A {@link HookDispatcher} that times every hook call per plugin for {@link HostMetrics}: each plugin's
 * {@link Hooks} is wrapped in a proxy that measures the call as the host sees it (gRPC round trip included)
 * and names the hook by its RPC name ({@code messageWillBePosted} is {@code MessageWillBePosted}).
 */
public final class MeteredHooks implements HookDispatcher {
  private final HookDispatcher delegate;
  private final HostMetrics metrics;

  public MeteredHooks(HookDispatcher delegate, HostMetrics metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
  }

  @Override
  public void runMultiHook(String hookName, BiPredicate<String, Hooks> call) {
    delegate.runMultiHook(hookName, (id, hooks) -> call.test(id, metered(id, hooks)));
  }

  @Override
  public void broadcast(String hookName, BiConsumer<String, Hooks> call) {
    delegate.broadcast(hookName, (id, hooks) -> call.accept(id, metered(id, hooks)));
  }

  @Override
  public Optional<Hooks> hooks(String pluginId) {
    return delegate.hooks(pluginId).map(hooks -> metered(pluginId, hooks));
  }

  private Hooks metered(String pluginId, Hooks hooks) {
    return (Hooks) Proxy.newProxyInstance(Hooks.class.getClassLoader(), new Class<?>[] {Hooks.class},
        (proxy, method, args) -> timed(pluginId, hooks, method, args));
  }

  private Object timed(String pluginId, Hooks hooks, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return method.invoke(hooks, args);
    }
    long start = System.nanoTime();
    boolean failed = false;
    try {
      return method.invoke(hooks, args);
    } catch (InvocationTargetException e) {
      failed = true;
      throw e.getCause();
    } finally {
      metrics.hookCall(pluginId, rpcName(method.getName()), Duration.ofNanos(System.nanoTime() - start), failed);
    }
  }

  static String rpcName(String javaName) {
    return Character.toUpperCase(javaName.charAt(0)) + javaName.substring(1);
  }
}
