package dev.pyplugins.benchmarks.runtime;

import dev.pyplugins.runtime.internal.transport.HostCertificate;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The bare floors the figures are compared with, running for the whole benchmark: the grpcio echo and
 * stream server (a Python process) with a grpc-java channel to it, and the bare Java API server. Their
 * unix sockets live in a private directory under {@code /tmp}, as the runtime's do. When the runtime's
 * plugins use AutoMTLS the grpcio server also listens with mutual TLS (a P-256 key pair each side, as the
 * runtime and the SDK have), so the ServeHTTP streams can be compared with a floor that encrypts too.
 */
final class Floors implements AutoCloseable {
  private final Path socketDir;
  private final FloorTransport transport = new FloorTransport();
  private final PythonProcess hooksServer;
  private final ManagedChannel hooksChannel;
  private final ManagedChannel streamChannel;
  private final BareApiServer apiServer;
  private final Path apiSocket;

  Floors(Settings settings, InMemoryPluginApi api) throws IOException {
    socketDir = Files.createTempDirectory(Path.of("/tmp"), "pyb-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path hooksSocket = socketDir.resolve("hooks.sock");
    Path tlsSocket = socketDir.resolve("hooks-tls.sock");
    List<String> args = new ArrayList<>(List.of(hooksSocket.toString()));
    // The stream floor's mutual TLS, as the runtime's AutoMTLS: a key pair each side.
    HostCertificate client = settings.autoMtls() ? HostCertificate.generate() : null;
    HostCertificate server = settings.autoMtls() ? HostCertificate.generate() : null;
    if (server != null) {
      args.addAll(List.of(tlsSocket.toString(), write("server.pem", server.certificatePem()),
          write("server.key", server.privateKeyPem()), write("client.pem", client.certificatePem())));
    }
    hooksServer = PythonProcess.start(settings.python(), settings.scripts().resolve("bare_hooks_server.py"),
        args.toArray(String[]::new));
    hooksChannel = transport.channel(hooksSocket);
    streamChannel = server != null ? transport.tlsChannel(tlsSocket, client, server) : hooksChannel;
    apiSocket = socketDir.resolve("api.sock");
    apiServer = new BareApiServer(transport, apiSocket, api);
  }

  /** A grpc-java channel to the bare grpcio server (MessageWillBePosted echo, ServeHTTP streams). */
  ManagedChannel hooksChannel() {
    return hooksChannel;
  }

  /** The channel of the ServeHTTP stream floor: with mutual TLS when the runtime uses AutoMTLS. */
  ManagedChannel streamChannel() {
    return streamChannel;
  }

  private String write(String name, String pem) throws IOException {
    return Files.writeString(socketDir.resolve(name), pem).toString();
  }

  long hooksServerPid() {
    return hooksServer.pid();
  }

  /** The bare Java API server's address as a grpcio target. */
  String apiTarget() {
    return "unix://" + apiSocket;
  }

  FloorTransport transport() {
    return transport;
  }

  /** The private directory, for more floor sockets (cold start). */
  Path socketDir() {
    return socketDir;
  }

  @Override
  public void close() throws IOException {
    hooksChannel.shutdownNow();
    streamChannel.shutdownNow();
    apiServer.close();
    hooksServer.close();
    transport.close();
    try (var files = Files.list(socketDir)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(socketDir);
  }
}
