/**
 * The Maven plugin: a thin adapter that turns the {@code generate} goal's parameters into one
 * {@link dev.pyplugins.codegen.GenerationRequest}, resolves protoc through Maven, and runs the core.
 */
package dev.pyplugins.codegen.maven;
