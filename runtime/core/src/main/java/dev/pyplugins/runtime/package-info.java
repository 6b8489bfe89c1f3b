/**
 * The plugin runtime's public API: everything a host uses to run plugins, and nothing else.
 *
 * <ul>
 *   <li>{@link dev.pyplugins.runtime.PluginEnvironment} (and its builder): discovers the plugins of a
 *       directory, starts, supervises and stops them, serves each its Plugin API endpoint, fires hooks;
 *   <li>{@link dev.pyplugins.runtime.HookDispatcher}: firing hooks, the part of the environment host code
 *       depends on ({@link dev.pyplugins.runtime.HookDispatcher#none()} for tests);
 *   <li>{@link dev.pyplugins.runtime.RuntimeOptions}: every knob, its default and limits;
 *   <li>{@link dev.pyplugins.runtime.PluginHttpServlet}: the HTTP bridge to the plugins' ServeHTTP;
 *   <li>{@link dev.pyplugins.runtime.PluginStatus}, {@link dev.pyplugins.runtime.PluginState},
 *       {@link dev.pyplugins.runtime.PluginFailure}, {@link dev.pyplugins.runtime.FailureKind},
 *       {@link dev.pyplugins.runtime.PluginException}: where a plugin is, and what went wrong;
 *   <li>{@link dev.pyplugins.runtime.PluginManifest}: a plugin's validated {@code plugin.json}, read-only;
 *   <li>{@link dev.pyplugins.runtime.PluginStateListener}, {@link dev.pyplugins.runtime.PluginCallListener},
 *       {@link dev.pyplugins.runtime.HookMetrics}: watching state changes, calls and hook latencies.
 * </ul>
 *
 * <p>Hooks are named by the generated {@code dev.pyplugins.protocol.v1.HookName}. Packages under
 * {@code dev.pyplugins.runtime.internal} are the implementation; the module does not export them.
 */
package dev.pyplugins.runtime;
