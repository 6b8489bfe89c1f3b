/** The go-plugin handshake: the environment a plugin gets and the line it answers with on stdout. */
package dev.pyplugins.runtime.internal.handshake;
