package dev.pyplugins.runtime.internal.process;

import dev.pyplugins.runtime.internal.handshake.HandshakeLine;
import dev.pyplugins.runtime.internal.transport.HostCertificate;
import java.util.Optional;

/**
 * A plugin process that has answered with an accepted handshake line, ready to be dialed.
 *
 * @param process the running process; stop it when done
 * @param handshake where it listens, and its certificate under AutoMTLS
 * @param hostCertificate the host's one-time AutoMTLS identity for this process, when AutoMTLS is on
 */
public record LaunchedPlugin(PluginProcess process, HandshakeLine handshake, Optional<HostCertificate> hostCertificate) {}
