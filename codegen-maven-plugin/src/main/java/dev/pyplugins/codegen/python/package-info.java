/**
 * The Python SDK generator: Mustache templates fed by view models computed here, protoc's Python output
 * relocated into the SDK package, the handwritten core copied from the templates jar, and the wheel.
 */
package dev.pyplugins.codegen.python;
