/**
 * The one place that writes generated files: it stages a run's files beside each output directory and
 * swaps the directories into place only when everything is written.
 */
package dev.pyplugins.codegen.output;
