/** Reads and validates {@code plugin.json}, and finds the Python interpreter a plugin asks for. */
package dev.pyplugins.runtime.internal.manifest;
