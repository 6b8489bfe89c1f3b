/**
 * The generator core: protocol in, files out, with no Maven types. {@code model} parses descriptors,
 * {@code java} and {@code python} hold one generator per output kind, {@code maven} is the thin mojo.
 */
package dev.pyplugins.codegen;
