package dev.pyplugins.codegen.maven;

import dev.pyplugins.codegen.BuildInfo;
import dev.pyplugins.codegen.CodeGenerationException;
import dev.pyplugins.codegen.CodeGenerator;
import dev.pyplugins.codegen.GenerationOptions;
import dev.pyplugins.codegen.GenerationOptions.PythonOptions;
import dev.pyplugins.codegen.GenerationRequest;
import dev.pyplugins.codegen.GenerationSummary;
import dev.pyplugins.codegen.Generators;
import dev.pyplugins.codegen.OutputRoot;
import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

/**
 * Generates code from the plugin protocol's {@code .proto} files: protoc's Java message classes, the Java
 * host API with its gRPC delegate server, the hooks interface with its gRPC client, and the typed Python
 * plugin SDK with its wheel. Adds the Java output as a compile source root.
 *
 * <p>Does nothing when no input (proto files, options, protoc, this plugin) changed since the last run and
 * the outputs are intact. A failed run leaves the previous outputs untouched. Output directories are
 * replaced whole on every run, so each must be a directory of its own.
 *
 * <p>Sets two project properties for later plugins: {@code pyplugins.wheel}, the path of the generated
 * wheel (when Python generation is on), and {@code pyplugins.wheel.missing}, {@code true} when no wheel
 * was generated (for build-helper's {@code attach-artifact} {@code skipAttach}).
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

  /**
   * Directories holding the {@code .proto} files to generate from; imports resolve against them first. A root
   * that does not exist is skipped (so the default may be absent when {@code protoArtifacts} supplies the files).
   */
  @Parameter(defaultValue = "${project.basedir}/src/main/proto", required = true)
  private List<File> protoSourceRoots;

  /**
   * Jars whose {@code .proto} files are generated from, as if they were proto source roots: each
   * {@code groupId:artifactId[:version]}, the version taken from the project's dependency management when left
   * out (the pyplugins BOM manages {@code dev.pyplugins:pyplugins-proto}). Resolved through Maven.
   */
  @Parameter
  private List<String> protoArtifacts;

  /**
   * Jars whose {@code .proto} files may be imported, without generating code for them (a host protocol that
   * imports the Mattermost model types, say): {@code groupId:artifactId[:version]} as for {@code protoArtifacts}.
   */
  @Parameter
  private List<String> importArtifacts;

  /** Ant-style patterns, relative to each proto source root, of the files to generate from. */
  @Parameter(defaultValue = "**/*.proto")
  private List<String> includes;

  /** Ant-style patterns, relative to each proto source root, of files to leave out. */
  @Parameter
  private List<String> excludes;

  /**
   * Further directories that {@code .proto} files may import from, without generating code for their
   * files. The well-known types ({@code google/protobuf/*.proto}) are always available.
   */
  @Parameter
  private List<File> importRoots;

  /** Where the Java sources go; added to the project's compile source roots. Replaced whole on every run. */
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/pyplugins", required = true,
      property = "pyplugins.javaOutputDirectory")
  private File javaOutputDirectory;

  /** Where the Python SDK package tree goes (what the wheel contains). Replaced whole on every run. */
  @Parameter(defaultValue = "${project.build.directory}/pyplugins-python", required = true,
      property = "pyplugins.pythonOutputDirectory")
  private File pythonOutputDirectory;

  /** Where the Python SDK wheel goes. Replaced whole on every run. */
  @Parameter(defaultValue = "${project.build.directory}/pyplugins-wheel", required = true,
      property = "pyplugins.wheelOutputDirectory")
  private File wheelOutputDirectory;

  /**
   * Scratch space: protoc's output (the descriptor set stays there), the copied protoc binary and the hash
   * of the last run's inputs. Each execution of the goal in a project needs its own.
   */
  @Parameter(defaultValue = "${project.build.directory}/pyplugins-codegen", required = true)
  private File workDirectory;

  /**
   * Package of the generated Java API and hooks classes. Default: the {@code java_package} of the
   * {@code .proto} file that declares the API (or hooks) service.
   */
  @Parameter(property = "pyplugins.javaPackage")
  private String javaPackage;

  /** The service plugins call into the host, by simple or full name. A protocol without it gets no API code. */
  @Parameter(defaultValue = "PluginAPI", property = "pyplugins.apiService")
  private String apiService;

  /** The service the host calls on plugins, by simple or full name. A protocol without it gets no hooks code. */
  @Parameter(defaultValue = "PluginHooks", property = "pyplugins.hooksService")
  private String hooksService;

  /** Simple name of the generated Java interface the host implements to serve the API. */
  @Parameter(defaultValue = "PluginApi", property = "pyplugins.apiInterfaceName")
  private String apiInterfaceName;

  /** Simple name of the generated Java interface through which the host calls a plugin's hooks. */
  @Parameter(defaultValue = "Hooks", property = "pyplugins.hooksInterfaceName")
  private String hooksInterfaceName;

  /** Default deadline of a hook call in milliseconds, as in Mattermost (30 s); overridable per hook at run time. */
  @Parameter(defaultValue = "30000", property = "pyplugins.hookDeadlineMillis")
  private long hookDeadlineMillis;

  /** Import name of the generated Python SDK package. */
  @Parameter(defaultValue = "mattermost_plugin", property = "pyplugins.pythonPackage")
  private String pythonPackage;

  /** Distribution name in the wheel's metadata (what {@code pip install} and {@code pip list} show). */
  @Parameter(defaultValue = "mattermost-plugin", property = "pyplugins.pythonDistributionName")
  private String pythonDistributionName;

  /**
   * PEP 440 version of the wheel. Default: derived from the project version ({@code 1.2.3-SNAPSHOT} gives
   * {@code 1.2.3.dev0}, {@code 1.2.3-rc1} gives {@code 1.2.3rc1}).
   */
  @Parameter(property = "pyplugins.pythonVersion")
  private String pythonVersion;

  /** The wheel's {@code Requires-Python} specifier. */
  @Parameter(defaultValue = ">=3.10", property = "pyplugins.pythonRequiresPython")
  private String pythonRequiresPython;

  /** Whether to generate the Java outputs (protoc's message classes, API, hooks, gRPC bindings). */
  @Parameter(defaultValue = "true", property = "pyplugins.generateJava")
  private boolean generateJava;

  /** Whether to generate the Python SDK package and its wheel. */
  @Parameter(defaultValue = "true", property = "pyplugins.generatePython")
  private boolean generatePython;

  /**
   * Version of {@code com.google.protobuf:protoc} to resolve from the build's repositories. Default: the
   * protobuf version this plugin was built with; generated Java needs a protobuf-java of the same version.
   */
  @Parameter(property = "pyplugins.protocVersion")
  private String protocVersion;

  /** A protoc executable to use instead of resolving one; for platforms protoc is not published for. */
  @Parameter(property = "pyplugins.protocExecutable")
  private File protocExecutable;

  /**
   * Version of grpc-java's code generator ({@code io.grpc:protoc-gen-grpc-java}) to resolve; it writes the
   * service stubs ({@code <Service>Grpc}). Default: the version this plugin was built with. Its stubs run on
   * grpc-java runtimes of that version and newer.
   */
  @Parameter(property = "pyplugins.grpcJavaVersion")
  private String grpcJavaVersion;

  /** A {@code protoc-gen-grpc-java} executable to use instead of resolving one. */
  @Parameter(property = "pyplugins.grpcJavaPluginExecutable")
  private File grpcJavaPluginExecutable;

  /** Skips the goal: nothing is generated and no source root is added. */
  @Parameter(defaultValue = "false", property = "pyplugins.skip")
  private boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
  private RepositorySystemSession repositorySession;

  private final RepositorySystem repositorySystem;

  @Inject
  public GenerateMojo(RepositorySystem repositorySystem) {
    this.repositorySystem = repositorySystem;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    WheelProperties.markMissing(project.getProperties());
    if (skip) {
      getLog().info("Skipping pyplugins code generation (pyplugins.skip)");
      return;
    }
    if (!generateJava && !generatePython) {
      getLog().warn("Both generateJava and generatePython are false: nothing to generate");
      return;
    }
    ProtoInputs inputs = ProtoInputs.gather(new ProtoInputs.Parameters(protoSourceRoots, protoArtifacts,
            importRoots, importArtifacts, includes, excludes),
        new ProtoArtifacts(repositorySystem, repositorySession, project),
        workDirectory.toPath().resolve("proto-artifacts"), getLog());
    if (hookDeadlineMillis <= 0) {
      throw new MojoFailureException("hookDeadlineMillis must be positive, not " + hookDeadlineMillis);
    }
    GenerationRequest request;
    try {
      request = new GenerationRequest(inputs.sourceRoots(), inputs.importRoots(), inputs.files(),
          tool(NativeToolResolver.PROTOC, protocExecutable, protocVersion, BuildInfo.protobufVersion()),
          generateJava ? Optional.of(tool(NativeToolResolver.GRPC_JAVA, grpcJavaPluginExecutable, grpcJavaVersion,
              BuildInfo.grpcCompilerVersion())) : Optional.empty(),
          options(), outputDirectories(), workDirectory.toPath());
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
    GenerationSummary summary;
    try {
      summary = new CodeGenerator(Generators.forOutputs(generateJava, generatePython)).run(request);
    } catch (CodeGenerationException e) {
      if (e.kind() == CodeGenerationException.Kind.INVALID_INPUT) {
        throw new MojoFailureException(e.getMessage(), e);
      }
      throw new MojoExecutionException(e.getMessage(), e);
    }
    new SummaryLog(getLog()).report(summary, inputs.files().size());
    if (generateJava) {
      project.addCompileSourceRoot(javaOutputDirectory.getAbsolutePath());
    }
    WheelProperties.publish(project.getProperties(), summary, wheelOutputDirectory.toPath());
  }

  private Path tool(NativeToolResolver.Tool tool, File executable, String version, String defaultVersion)
      throws MojoExecutionException {
    if (executable != null) {
      return executable.toPath();
    }
    return new NativeToolResolver(repositorySystem, repositorySession, project.getRemoteProjectRepositories())
        .resolve(tool, version == null || version.isBlank() ? defaultVersion : version,
            workDirectory.toPath().resolve("bin"));
  }

  private GenerationOptions options() throws MojoFailureException {
    String version = pythonVersion;
    if (version == null || version.isBlank()) {
      try {
        version = PythonVersion.fromMaven(project.getVersion());
      } catch (IllegalArgumentException e) {
        throw new MojoFailureException(e.getMessage(), e);
      }
    }
    PythonOptions python = new PythonOptions(pythonPackage, pythonDistributionName, version, pythonRequiresPython,
        PythonOptions.defaults().requirements());
    return new GenerationOptions(Optional.ofNullable(javaPackage).filter(p -> !p.isBlank()), apiService,
        hooksService, apiInterfaceName, hooksInterfaceName, hookDeadlineMillis, python);
  }

  private Map<OutputRoot, Path> outputDirectories() {
    Map<OutputRoot, Path> outputs = new EnumMap<>(OutputRoot.class);
    if (generateJava) {
      outputs.put(OutputRoot.JAVA, javaOutputDirectory.toPath());
    }
    if (generatePython) {
      outputs.put(OutputRoot.PYTHON, pythonOutputDirectory.toPath());
      outputs.put(OutputRoot.WHEEL, wheelOutputDirectory.toPath());
    }
    return outputs;
  }
}
