package dev.pyplugins.runtime.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@link EnvironmentHostMain} in a child JVM and reads what it reports. */
public final class ChildHost implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final OutputStream in;
  private final Map<String, Long> pluginPids = new LinkedHashMap<>();
  private int port;

  public ChildHost(Path pluginsDirectory, Path socketBase, List<String> jvmOptions) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), EnvironmentHostMain.class.getName(),
        pluginsDirectory.toString(), socketBase.toString()));
    process = new ProcessBuilder(command)
        .redirectError(log().toFile()).start();
    out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    in = process.getOutputStream();
    String line;
    while ((line = out.readLine()) != null && !line.equals("ready")) {
      String[] parts = line.split(" ");
      if (parts[0].equals("plugin")) {
        pluginPids.put(parts[1], Long.parseLong(parts[2]));
      } else if (parts[0].equals("port")) {
        port = Integer.parseInt(parts[1]);
      }
    }
    if (line == null) {
      throw new IOException("the child host ended before it was ready");
    }
  }

  public Process process() {
    return process;
  }

  public Map<String, Long> pluginPids() {
    return pluginPids;
  }

  public int port() {
    return port;
  }

  /** The child's peak heap use and its maximum heap, in bytes. */
  public long[] heap() throws IOException {
    send("heap");
    String[] parts = out.readLine().split(" ");
    return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
  }

  /** Sends one command line ({@code heap}, {@code exit}, ...) to the child. */
  public void send(String command) throws IOException {
    in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** Where the child's stderr (its log) goes. */
  public static Path log() {
    return SdkPlugins.targetDirectory().resolve("child-host.log");
  }

  /** Closes the child's stdin, which makes it stop its plugins and exit; kills it after 15 s. */
  @Override
  public void close() {
    try {
      in.close();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
