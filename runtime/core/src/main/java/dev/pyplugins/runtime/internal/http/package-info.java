/** The HTTP bridge's parts: servlet requests as ServeHTTP heads, plugin responses written to the servlet. */
package dev.pyplugins.runtime.internal.http;
