package dev.pyplugins.codegen;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.pyplugins.codegen.CodeGenerationException.Kind;
import dev.pyplugins.codegen.inputs.InputFingerprint;
import dev.pyplugins.codegen.java.GrpcStubFiles;
import dev.pyplugins.codegen.inputs.RunRecord;
import dev.pyplugins.codegen.model.ProtocolModel;
import dev.pyplugins.codegen.model.ProtocolModelParser;
import dev.pyplugins.codegen.output.Directories;
import dev.pyplugins.codegen.output.OutputManifest;
import dev.pyplugins.codegen.output.OutputWriter;
import dev.pyplugins.codegen.protoc.ProtocException;
import dev.pyplugins.codegen.protoc.ProtocInvocation;
import dev.pyplugins.codegen.protoc.ProtocRunner;
import dev.pyplugins.codegen.protoc.WellKnownTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a whole generation: protoc once, the protocol model, every generator, one all-or-nothing write.
 *
 * <p>Steps: hash the inputs and stop if they match the last complete run and its outputs are intact;
 * run protoc to a descriptor set (with source info), Java message classes, grpc-java's service stubs and Python
 * modules and stubs; parse the model; run each generator; add protoc's and grpc-java's Java classes as
 * {@link OutputRoot#JAVA} files; write
 * everything through {@link OutputWriter}. Any failure (protoc error, generator exception, I/O) leaves the
 * previous outputs as they were.
 *
 * <p>Generators signal bad input (an option naming a missing service, say) with
 * {@link IllegalArgumentException}, reported as {@link Kind#INVALID_INPUT}; anything else they throw is
 * reported as {@link Kind#GENERATOR_FAILED}.
 *
 * <p>Instances are immutable and may run several requests, concurrently if their output and work
 * directories differ.
 */
public final class CodeGenerator {

  private static final Duration PROTOC_TIMEOUT = Duration.ofMinutes(5);

  private final List<Generator> generators;

  /** @param generators run in this order; see {@link Generators} for the default set */
  public CodeGenerator(List<Generator> generators) {
    this.generators = List.copyOf(generators);
  }

  public GenerationSummary run(GenerationRequest request) throws CodeGenerationException {
    Clock clock = new Clock();
    checkInputsExist(request);
    RunRecord record = new RunRecord(request.workDirectory());
    InputFingerprint fingerprint;
    try {
      fingerprint = InputFingerprint.of(request, generators);
      Optional<Map<OutputRoot, List<String>>> previous = record.lastHash().equals(Optional.of(fingerprint.sha256()))
          ? intactOutputs(request) : Optional.empty();
      if (previous.isPresent()) {
        Duration elapsed = clock.lap();
        return new GenerationSummary(true, fingerprint.sha256(), previous.get(), List.of(),
            new GenerationSummary.Timings(elapsed, Duration.ZERO, Duration.ZERO, Map.of(), Duration.ZERO, elapsed));
      }
    } catch (IOException e) {
      throw new CodeGenerationException(Kind.IO_FAILED, "could not read the inputs: " + e, e);
    }
    Duration fingerprintTime = clock.lap();

    ProtocOutput protoc = runProtoc(request);
    Duration protocTime = clock.lap();

    ProtocolModel model;
    try {
      model = ProtocolModelParser.parse(protoc.descriptors(), Set.copyOf(request.protoFiles()));
    } catch (IllegalArgumentException e) {
      throw new CodeGenerationException(Kind.INVALID_INPUT, "unsupported protocol: " + e.getMessage(), e);
    }
    GenerationContext context = new GenerationContext(model, request.options(), protoc.python());
    Duration parseTime = clock.lap();

    List<GeneratedFile> files = new ArrayList<>();
    Map<String, Duration> generatorTimes = new LinkedHashMap<>();
    Map<String, String> producers = new HashMap<>();
    for (Generator generator : generators) {
      for (GeneratedFile file : runGenerator(generator, context)) {
        accept(file, generator.name(), request, producers);
        files.add(file);
      }
      generatorTimes.put(generator.name(), clock.lap());
    }
    for (GeneratedFile file : protoc.java()) {
      accept(file, "protoc --java_out", request, producers);
      files.add(file);
    }
    for (GeneratedFile file : GrpcStubFiles.of(model, protoc.grpcJava())) {
      accept(file, "protoc-gen-grpc-java", request, producers);
      files.add(file);
    }

    try {
      record.forget();
      new OutputWriter().replace(request.outputDirectories(), files);
      record.remember(fingerprint);
    } catch (IOException e) {
      throw new CodeGenerationException(Kind.IO_FAILED, "could not update " + request.workDirectory() + ": " + e,
          e);
    }
    Duration writeTime = clock.lap();

    Map<OutputRoot, List<String>> written = new EnumMap<>(OutputRoot.class);
    request.outputDirectories().keySet().forEach(root -> written.put(root, new ArrayList<>()));
    files.forEach(f -> written.get(f.root()).add(f.path()));
    return new GenerationSummary(false, fingerprint.sha256(), written, protoc.warnings(),
        new GenerationSummary.Timings(fingerprintTime, protocTime, parseTime, generatorTimes, writeTime,
            clock.total()));
  }

  private static void checkInputsExist(GenerationRequest request) throws CodeGenerationException {
    if (!Files.isRegularFile(request.protoc())) {
      throw new CodeGenerationException(Kind.INVALID_INPUT, "protoc not found at " + request.protoc());
    }
    if (request.grpcJavaPlugin().isPresent() && !Files.isRegularFile(request.grpcJavaPlugin().get())) {
      throw new CodeGenerationException(Kind.INVALID_INPUT, "protoc-gen-grpc-java not found at "
          + request.grpcJavaPlugin().get());
    }
    for (List<Path> roots : List.of(request.protoSourceRoots(), request.importRoots())) {
      for (Path root : roots) {
        if (!Files.isDirectory(root)) {
          throw new CodeGenerationException(Kind.INVALID_INPUT, "proto directory " + root + " does not exist");
        }
      }
    }
    for (String file : request.protoFiles()) {
      List<Path> found = request.protoSourceRoots().stream().map(root -> root.resolve(file))
          .filter(Files::isRegularFile).toList();
      if (found.isEmpty()) {
        throw new CodeGenerationException(Kind.INVALID_INPUT, file + " is in none of the proto source roots "
            + request.protoSourceRoots());
      }
      if (found.size() > 1) {
        throw new CodeGenerationException(Kind.INVALID_INPUT, file + " is in more than one proto source root: "
            + found + "; import paths must be unique");
      }
    }
  }

  private static Optional<Map<OutputRoot, List<String>>> intactOutputs(GenerationRequest request)
      throws IOException {
    Map<OutputRoot, List<String>> outputs = new EnumMap<>(OutputRoot.class);
    for (Map.Entry<OutputRoot, Path> e : request.outputDirectories().entrySet()) {
      Optional<List<String>> files = OutputManifest.readIntact(e.getValue());
      if (files.isEmpty()) {
        return Optional.empty();
      }
      outputs.put(e.getKey(), files.get());
    }
    return Optional.of(outputs);
  }

  private static List<GeneratedFile> runGenerator(Generator generator, GenerationContext context)
      throws CodeGenerationException {
    try {
      return generator.generate(context);
    } catch (IllegalArgumentException e) {
      throw new CodeGenerationException(Kind.INVALID_INPUT, generator.name() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new CodeGenerationException(Kind.GENERATOR_FAILED, "generator " + generator.name() + " failed: " + e,
          e);
    }
  }

  /** Checks a generated file fits the run, naming the generator at fault when it does not. */
  private static void accept(GeneratedFile file, String producer, GenerationRequest request,
      Map<String, String> producers) throws CodeGenerationException {
    if (!request.generates(file.root())) {
      throw new CodeGenerationException(Kind.GENERATOR_FAILED, producer + " produced " + file
          + ", but this run does not generate " + file.root() + " output");
    }
    if (file.path().equals(OutputManifest.FILE_NAME)) {
      throw new CodeGenerationException(Kind.GENERATOR_FAILED, producer + " produced " + file
          + ", whose name is reserved for the output manifest");
    }
    String previous = producers.putIfAbsent(file.root() + ":" + file.path(), producer);
    if (previous != null) {
      throw new CodeGenerationException(Kind.GENERATOR_FAILED, "both " + previous + " and " + producer
          + " produced " + file.root() + ":" + file.path());
    }
  }

  private record ProtocOutput(FileDescriptorSet descriptors, List<GeneratedFile> java, Map<String, byte[]> grpcJava,
      Map<String, byte[]> python, List<String> warnings) {}

  private static ProtocOutput runProtoc(GenerationRequest request) throws CodeGenerationException {
    Path work = request.workDirectory().resolve("protoc");
    boolean java = request.generates(OutputRoot.JAVA);
    boolean python = request.generates(OutputRoot.PYTHON) || request.generates(OutputRoot.WHEEL);
    Path javaOut = work.resolve("java");
    Path grpcJavaOut = work.resolve("grpc-java");
    Path pythonOut = work.resolve("python");
    try {
      Directories.deleteRecursively(work);
      List<Path> includes = new ArrayList<>(request.protoSourceRoots());
      includes.addAll(request.importRoots());
      includes.add(WellKnownTypes.extractTo(work.resolve("include")));
      ProtocRunner.Result result = new ProtocRunner(PROTOC_TIMEOUT).runAllowingWarnings(new ProtocInvocation(
          request.protoc(), includes, request.protoFiles(), work.resolve("descriptors.pb"),
          java ? Optional.of(javaOut) : Optional.empty(),
          java ? request.grpcJavaPlugin().map(plugin -> new ProtocInvocation.GrpcJava(plugin, grpcJavaOut))
              : Optional.empty(),
          python ? Optional.of(pythonOut) : Optional.empty()));
      FileDescriptorSet descriptors = result.descriptors();
      List<GeneratedFile> javaFiles = new ArrayList<>();
      if (java) {
        Directories.readTree(javaOut)
            .forEach((path, bytes) -> javaFiles.add(new GeneratedFile(OutputRoot.JAVA, path, bytes)));
      }
      Map<String, byte[]> grpcJavaFiles = java ? Directories.readTree(grpcJavaOut) : Map.of();
      Map<String, byte[]> pythonFiles = python ? Directories.readTree(pythonOut) : Map.of();
      // Only the descriptor set stays: the rest is in memory now and would double the outputs on disk.
      Directories.deleteRecursively(javaOut);
      Directories.deleteRecursively(grpcJavaOut);
      Directories.deleteRecursively(pythonOut);
      List<String> warnings = result.warnings().isEmpty() ? List.of() : List.of(result.warnings().split("\n"));
      return new ProtocOutput(descriptors, javaFiles, grpcJavaFiles, pythonFiles, warnings);
    } catch (ProtocException e) {
      throw new CodeGenerationException(Kind.INVALID_INPUT, e.getMessage(), e);
    } catch (IOException e) {
      throw new CodeGenerationException(Kind.IO_FAILED, "could not run protoc in " + work + ": " + e, e);
    }
  }

  /** Lap times for the summary. */
  private static final class Clock {
    private final long start = System.nanoTime();
    private long last = start;

    Duration lap() {
      long now = System.nanoTime();
      Duration lap = Duration.ofNanos(now - last);
      last = now;
      return lap;
    }

    Duration total() {
      return Duration.ofNanos(System.nanoTime() - start);
    }
  }
}
