/** Hooks across plugins: Mattermost's RunMultiPluginHook, parallel notifications, and hook call metrics. */
package dev.pyplugins.runtime.internal.dispatch;
