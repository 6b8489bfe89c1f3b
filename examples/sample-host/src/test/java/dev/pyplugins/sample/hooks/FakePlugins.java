package dev.pyplugins.sample.hooks;

import dev.pyplugins.protocol.v1.HookName;
import dev.pyplugins.protocol.v1.Hooks;
import dev.pyplugins.runtime.HookDispatcher;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * In-JVM plugins for unit tests: each answers the hooks given a handler and records every call; the
 * dispatcher runs them in plugin id order as the runtime does.
 */
public final class FakePlugins implements HookDispatcher {
  private final Map<String, FakePlugin> plugins = new TreeMap<>();

  /** A new plugin with this id. */
  public FakePlugin add(String pluginId) {
    FakePlugin plugin = new FakePlugin(pluginId);
    plugins.put(pluginId, plugin);
    return plugin;
  }

  @Override
  public void runMultiHook(HookName hook, BiPredicate<String, Hooks> call) {
    for (FakePlugin plugin : plugins.values()) {
      if (plugin.handles(hook) && !call.test(plugin.id, plugin.hooks)) {
        return;
      }
    }
  }

  @Override
  public void broadcast(HookName hook, BiConsumer<String, Hooks> call) {
    plugins.values().stream().filter(p -> p.handles(hook)).forEach(p -> call.accept(p.id, p.hooks));
  }

  @Override
  public Optional<Hooks> hooks(String pluginId) {
    return Optional.ofNullable(plugins.get(pluginId)).map(p -> p.hooks);
  }

  /** One fake plugin: handlers by hook, and the calls it got. */
  public static final class FakePlugin {
    final String id;
    final Hooks hooks;
    private final Map<HookName, Function<Object[], Object>> handlers = new ConcurrentHashMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    FakePlugin(String id) {
      this.id = id;
      this.hooks = (Hooks) Proxy.newProxyInstance(Hooks.class.getClassLoader(), new Class<?>[] {Hooks.class},
          (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
              return method.getName().equals("toString") ? "FakePlugin " + id : method.invoke(this, args);
            }
            HookName hook = HookName.fromRpcName(Character.toUpperCase(method.getName().charAt(0))
                + method.getName().substring(1));
            calls.add(new Call(hook, args == null ? new Object[0] : args.clone()));
            Function<Object[], Object> handler = handlers.get(hook);
            return handler == null ? null : handler.apply(args);
          });
    }

    /** Handles {@code hook} with {@code handler} (given the hook method's arguments). */
    public FakePlugin on(HookName hook, Function<Object[], Object> handler) {
      handlers.put(hook, handler);
      return this;
    }

    /** Handles a notification hook by recording it only. */
    public FakePlugin on(HookName hook) {
      return on(hook, args -> null);
    }

    boolean handles(HookName hook) {
      return handlers.containsKey(hook);
    }

    /** The calls of {@code hook} so far, oldest first. */
    public List<Object[]> calls(HookName hook) {
      synchronized (calls) {
        return calls.stream().filter(c -> c.hook() == hook).map(Call::args).toList();
      }
    }

    private record Call(HookName hook, Object[] args) {
    }
  }
}
