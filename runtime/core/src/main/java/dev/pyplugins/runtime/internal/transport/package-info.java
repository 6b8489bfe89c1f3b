/** gRPC channels to plugin processes over unix sockets or TCP, and go-plugin's AutoMTLS. */
package dev.pyplugins.runtime.internal.transport;
