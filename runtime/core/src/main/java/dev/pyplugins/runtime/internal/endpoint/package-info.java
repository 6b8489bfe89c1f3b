/** The per-plugin Plugin API endpoint: a private unix socket, a bearer token, and the caller's identity. */
package dev.pyplugins.runtime.internal.endpoint;
