package dev.pyplugins.benchmarks.runtime;

import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The bare floors the figures are compared with, running for the whole benchmark: the grpcio echo and
 * stream server (a Python process) with a grpc-java channel to it, and the bare Java API server. Their
 * unix sockets live in a private directory under {@code /tmp}, as the runtime's do.
 */
final class Floors implements AutoCloseable {
  private final Path socketDir;
  private final FloorTransport transport = new FloorTransport();
  private final PythonProcess hooksServer;
  private final ManagedChannel hooksChannel;
  private final BareApiServer apiServer;
  private final Path apiSocket;

  Floors(Settings settings, InMemoryPluginApi api) throws IOException {
    socketDir = Files.createTempDirectory(Path.of("/tmp"), "pyb-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path hooksSocket = socketDir.resolve("hooks.sock");
    hooksServer = PythonProcess.start(settings.python(), settings.scripts().resolve("bare_hooks_server.py"),
        hooksSocket.toString());
    hooksChannel = transport.channel(hooksSocket);
    apiSocket = socketDir.resolve("api.sock");
    apiServer = new BareApiServer(transport, apiSocket, api);
  }

  /** A grpc-java channel to the bare grpcio server (MessageWillBePosted echo, ServeHTTP streams). */
  ManagedChannel hooksChannel() {
    return hooksChannel;
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
