package dev.pyplugins.runtime.internal.manifest;

/** One thing wrong with a {@code plugin.json}: the JSON path of the field (for example
 * {@code server.python.entry_point}) and what is wrong with it. */
public record ManifestProblem(String field, String message) {
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
