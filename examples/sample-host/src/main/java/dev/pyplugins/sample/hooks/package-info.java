/**
 * Firing hooks: {@link dev.pyplugins.sample.hooks.HookDispatcher} is what the host needs from the plugin
 * runtime, {@link dev.pyplugins.sample.hooks.HookEvents} the typed events the host raises (chained
 * MessageWillBePosted, notifications, a plugin's ExecuteCommand).
 */
package dev.pyplugins.sample.hooks;
