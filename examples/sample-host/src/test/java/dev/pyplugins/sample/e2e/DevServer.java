package dev.pyplugins.sample.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A test server of {@code examples/agent-devservers} (the LLM wire fake, an MCP server over HTTP) as a child
 * process of the test: started on a free port, its URL read from its first line ({@code listening on URL}),
 * stopped with the test. Its stderr goes to the test's output.
 */
public final class DevServer implements AutoCloseable {
  public static final Path DIR = Path.of(System.getProperty("sample.devservers.dir", "../agent-devservers"));
  public static final Path PYTHON = Path.of(System.getProperty("sample.devservers.python", "../agent-devservers/venv/bin/python"));

  private final Process process;
  final String url;

  private DevServer(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /** Runs {@code python args...} in the devservers directory and waits (30 s at most) for its URL. */
  static DevServer start(List<String> args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(PYTHON.toAbsolutePath().toString(), "-B"));
    command.addAll(args);
    Process process = new ProcessBuilder(command).directory(DIR.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    try {
      line = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("dev server " + args + " did not start", e);
    }
    if (line == null || !line.startsWith("listening on ")) {
      process.destroyForcibly();
      throw new IllegalStateException("dev server " + args + " said " + line + " instead of 'listening on URL'");
    }
    Thread drain = new Thread(() -> {
      while (readLine(out) != null) {
        // keeps the pipe from filling
      }
    }, "devserver-stdout");
    drain.setDaemon(true);
    drain.start();
    return new DevServer(process, line.substring("listening on ".length()).strip());
  }

  /** An MCP test server over {@code transport} (streamable-http or sse) named {@code name}. */
  static DevServer mcp(String name, String transport, Path callsFile) throws Exception {
    return start(List.of("mcp_test_server.py", "--name", name, "--transport", transport, "--port", "0",
        "--calls-file", callsFile.toString()));
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
