package dev.pyplugins.proto;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs the protoc that Maven resolved for this build over the protocol's sources. */
final class Protoc {

  /** What protoc produced: the descriptor set (with source info) and everything it printed. */
  record Result(FileDescriptorSet descriptors, String output) {}

  static Result compileProtocol() throws IOException, InterruptedException {
    Path protoc = Path.of(System.getProperty("protoc.path"));
    Path include = Path.of(System.getProperty("protoc.include"));
    Path sources = Path.of(System.getProperty("proto.sources"));
    if (!Files.isExecutable(protoc) && !protoc.toFile().setExecutable(true)) {
      throw new IOException("cannot make " + protoc + " executable");
    }
    Path out = Files.createTempFile("protocol", ".pb");
    List<String> command = new ArrayList<>(List.of(protoc.toString(), "-I" + sources, "-I" + include,
        "--include_imports", "--include_source_info", "--descriptor_set_out=" + out));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".proto")).sorted()
          .forEach(p -> command.add(sources.relativize(p).toString()));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IOException("protoc failed:\n" + output);
    }
    try {
      return new Result(FileDescriptorSet.parseFrom(Files.readAllBytes(out)), output);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private Protoc() {}
}
