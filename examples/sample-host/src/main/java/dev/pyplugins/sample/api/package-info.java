/**
 * The host's side of the Plugin API: {@link dev.pyplugins.sample.api.SampleHostApi} (what plugins call, and
 * what the REST layer calls too) over the stores, and the areas that do more than store: hooks
 * ({@link dev.pyplugins.sample.api.Directory}, {@link dev.pyplugins.sample.api.Messaging}), slash
 * commands, plugin settings, logging.
 */
package dev.pyplugins.sample.api;
