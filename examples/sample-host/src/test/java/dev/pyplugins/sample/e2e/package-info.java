/**
 * End-to-end tests (failsafe, {@code *IT}): the sample host in this JVM, real Python plugin processes
 * (the examples and the probes in {@code src/test/plugins}) in a venv with the SDK wheel, HTTP from outside.
 */
package dev.pyplugins.sample.e2e;
