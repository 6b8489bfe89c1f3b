package dev.pyplugins.codegen;

import dev.pyplugins.codegen.java.JavaGenerators;
import dev.pyplugins.codegen.python.PythonSdkGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * The generators a normal run uses, in run order. One line per generator, so adding one is a one-line
 * change. protoc's own Java message classes are not listed: the orchestrator adds them.
 */
public final class Generators {

  private Generators() {}

  /** Generators of {@link OutputRoot#JAVA} files; run when Java generation is on. */
  public static List<Generator> java() {
    List<Generator> generators = new ArrayList<>();
    generators.addAll(JavaGenerators.all());
    return List.copyOf(generators);
  }

  /** Generators of {@link OutputRoot#PYTHON} and {@link OutputRoot#WHEEL} files; run when Python generation is on. */
  public static List<Generator> python() {
    List<Generator> generators = new ArrayList<>();
    generators.add(new PythonSdkGenerator());
    return List.copyOf(generators);
  }

  /** The generators for the chosen outputs: Java ones first, then Python ones. */
  public static List<Generator> forOutputs(boolean java, boolean python) {
    List<Generator> generators = new ArrayList<>();
    if (java) {
      generators.addAll(java());
    }
    if (python) {
      generators.addAll(python());
    }
    return List.copyOf(generators);
  }
}
