/**
 * The Python SDK generator: {@link dev.pyplugins.codegen.python.PythonSdkGenerator} runs one generator per
 * output (the copied core, protoc's relocated modules, one per Mustache template, each fed by view models
 * computed here), then packs the finished files into the wheel.
 */
package dev.pyplugins.codegen.python;
