/**
 * The sample host: a Java host of Python plugins to read as a model. Start with
 * {@link dev.pyplugins.sample.SampleHost} (the wiring), then {@link dev.pyplugins.sample.api.SampleHostApi}
 * (the Plugin API) and {@link dev.pyplugins.sample.hooks.HookEvents} (the hooks it fires).
 * {@link dev.pyplugins.sample.SampleHostMain} is the command line, {@link dev.pyplugins.sample.Tour} the
 * scripted tour of {@code ./demo.sh}.
 */
package dev.pyplugins.sample;
