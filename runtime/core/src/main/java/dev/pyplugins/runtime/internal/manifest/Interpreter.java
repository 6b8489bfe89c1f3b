package dev.pyplugins.runtime.internal.manifest;

import java.nio.file.Path;

/** A Python interpreter chosen for a plugin, and the version it reported. */
public record Interpreter(Path executable, PythonVersion version) {}
