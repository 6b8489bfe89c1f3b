/** A benchmark of the code generator on the whole protocol: full generation and the no-op rebuild. */
package dev.pyplugins.benchmarks.codegen;
