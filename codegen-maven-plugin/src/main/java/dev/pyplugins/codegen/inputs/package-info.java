/**
 * What a generation run depends on, reduced to one SHA-256, and the record of the last run's hash that
 * lets an unchanged build skip generation.
 */
package dev.pyplugins.codegen.inputs;
