/**
 * Plugin processes: spawn in their own process group with a private socket directory and a stdin
 * lifeline, pipes drained from the first moment, handshake with a deadline, exit noticed at once, and a
 * stop that escalates from graceful steps to SIGTERM and SIGKILL of the whole group.
 */
package dev.pyplugins.runtime.internal.process;
