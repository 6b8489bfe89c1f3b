/** A benchmark of the runtime against the bare Java <-> Python gRPC floors, measured side by side. */
package dev.pyplugins.benchmarks.runtime;
