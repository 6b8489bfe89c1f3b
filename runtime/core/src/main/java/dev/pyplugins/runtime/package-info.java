/**
 * The plugin runtime's public surface: {@link dev.pyplugins.runtime.RuntimeOptions} and the named
 * failure kinds; sub-packages hold one concern each (manifest, process, handshake, transport, logging,
 * supervision).
 */
package dev.pyplugins.runtime;
