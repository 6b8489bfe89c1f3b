/**
 * The Java generators (JavaPoet): gRPC bindings per service, the host's {@code PluginApi} and its gRPC
 * delegate server, the {@code Hooks} interface and its gRPC client, and {@code AppErrorException}. Each
 * generator is a pure function of the protocol model; {@link dev.pyplugins.codegen.java.JavaGenerators}
 * lists them.
 */
package dev.pyplugins.codegen.java;
