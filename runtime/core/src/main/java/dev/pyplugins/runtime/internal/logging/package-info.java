/**
 * Plugin output to SLF4J: bounded line reading, hclog JSON and level prefixes, Python tracebacks at
 * ERROR, a per-plugin stderr tail for failure reports.
 */
package dev.pyplugins.runtime.internal.logging;
