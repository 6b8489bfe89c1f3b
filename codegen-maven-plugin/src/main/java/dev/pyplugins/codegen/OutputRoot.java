package dev.pyplugins.codegen;

/** The output directories a generation run writes to. */
public enum OutputRoot {
  /** Java sources, added to the host project's compile source roots. */
  JAVA,
  /** The Python package tree (the importable SDK, as it goes into the wheel). */
  PYTHON,
  /** Built Python distributions (the {@code .whl}). */
  WHEEL
}
