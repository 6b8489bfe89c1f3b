package dev.pyplugins.codegen.maven;

import dev.pyplugins.codegen.GenerationSummary;
import dev.pyplugins.codegen.OutputRoot;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The project properties through which later plugins find the generated wheel: {@value #WHEEL}, its absolute
 * path, and {@value #MISSING}, {@code true} when there is none (for build-helper's {@code skipAttach}).
 */
final class WheelProperties {
  static final String WHEEL = "pyplugins.wheel";
  static final String MISSING = "pyplugins.wheel.missing";

  private WheelProperties() {}

  /** Until a run has produced a wheel, later plugins must not try to attach one. */
  static void markMissing(Properties properties) {
    properties.setProperty(MISSING, "true");
  }

  /** Publishes the wheel the run wrote to {@code wheelDirectory}, if any. */
  static void publish(Properties properties, GenerationSummary summary, Path wheelDirectory)
      throws MojoFailureException {
    List<String> wheels = summary.files().getOrDefault(OutputRoot.WHEEL, List.of()).stream()
        .filter(path -> path.endsWith(".whl")).toList();
    if (wheels.size() > 1) {
      throw new MojoFailureException("expected one wheel in " + wheelDirectory + ", found " + wheels);
    }
    properties.setProperty(MISSING, Boolean.toString(wheels.isEmpty()));
    if (!wheels.isEmpty()) {
      properties.setProperty(WHEEL, wheelDirectory.resolve(wheels.get(0)).toAbsolutePath().toString());
    }
  }
}
