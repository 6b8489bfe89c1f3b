/**
 * Firing hooks: {@link dev.pyplugins.sample.hooks.HookEvents} raises the typed events of the host (chained
 * MessageWillBePosted, notifications, a plugin's ExecuteCommand) through the runtime's
 * {@link dev.pyplugins.runtime.HookDispatcher}.
 */
package dev.pyplugins.sample.hooks;
