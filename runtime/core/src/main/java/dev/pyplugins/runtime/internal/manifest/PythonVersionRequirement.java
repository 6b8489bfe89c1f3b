package dev.pyplugins.runtime.internal.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python version requirement in PEP 440 specifier form, as {@code requires-python} uses it: clauses such
 * as {@code >=3.10}, {@code <4}, {@code ==3.11.*}, {@code !=3.12.0}, {@code ~=3.10}, joined by commas; all
 * must hold. Release numbers only (no pre-releases or local versions), which is all interpreters report.
 */
public final class PythonVersionRequirement {
  private static final Pattern CLAUSE = Pattern.compile("(~=|==|!=|<=|>=|<|>)\\s*(\\d+(?:\\.\\d+){0,2})(\\.\\*)?");
  private static final PythonVersionRequirement ANY = new PythonVersionRequirement("", List.of());

  private final String text;
  private final List<Clause> clauses;

  private PythonVersionRequirement(String text, List<Clause> clauses) {
    this.text = text;
    this.clauses = clauses;
  }

  /** The requirement that every version meets (no {@code server.python.version}). */
  public static PythonVersionRequirement any() {
    return ANY;
  }

  /**
   * Parses a specifier.
   *
   * @throws IllegalArgumentException with a message saying which clause is malformed
   */
  public static PythonVersionRequirement parse(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("empty version requirement; write for example \">=3.10\"");
    }
    List<Clause> clauses = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      Matcher m = CLAUSE.matcher(part.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException("malformed clause '" + part.strip()
            + "'; expected an operator (>=, <=, >, <, ==, !=, ~=) and a version such as 3.10");
      }
      String op = m.group(1);
      boolean wildcard = m.group(3) != null;
      if (wildcard && !op.equals("==") && !op.equals("!=")) {
        throw new IllegalArgumentException("'.*' is only allowed with == and != in '" + part.strip() + "'");
      }
      int[] release = release(m.group(2));
      if (op.equals("~=") && release.length < 2) {
        throw new IllegalArgumentException("'~=' needs at least two release numbers in '" + part.strip() + "'");
      }
      clauses.add(new Clause(op, release, wildcard));
    }
    return new PythonVersionRequirement(text.strip(), List.copyOf(clauses));
  }

  /** Whether {@code version} satisfies every clause. */
  public boolean isSatisfiedBy(PythonVersion version) {
    return clauses.stream().allMatch(c -> c.test(version));
  }

  @Override
  public String toString() {
    return text.isEmpty() ? "any" : text;
  }

  private static int[] release(String text) {
    String[] parts = text.split("\\.");
    int[] r = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      r[i] = Integer.parseInt(parts[i]);
    }
    return r;
  }

  private record Clause(String op, int[] release, boolean wildcard) {
    boolean test(PythonVersion v) {
      int[] actual = {v.major(), v.minor(), v.micro()};
      return switch (op) {
        case "==" -> wildcard ? prefixEquals(actual, release.length) : compare(actual, release) == 0;
        case "!=" -> wildcard ? !prefixEquals(actual, release.length) : compare(actual, release) != 0;
        case ">=" -> compare(actual, release) >= 0;
        case "<=" -> compare(actual, release) <= 0;
        case ">" -> compare(actual, release) > 0;
        case "<" -> compare(actual, release) < 0;
        // ~=X.Y means >=X.Y, ==X.*; ~=X.Y.Z means >=X.Y.Z, ==X.Y.*
        case "~=" -> compare(actual, release) >= 0 && prefixEquals(actual, release.length - 1);
        default -> throw new IllegalStateException(op);
      };
    }

    private boolean prefixEquals(int[] actual, int length) {
      for (int i = 0; i < length; i++) {
        if (actual[i] != release[i]) {
          return false;
        }
      }
      return true;
    }

    /** Compares with missing release numbers read as zero, as PEP 440 pads them. */
    private static int compare(int[] actual, int[] wanted) {
      for (int i = 0; i < 3; i++) {
        int w = i < wanted.length ? wanted[i] : 0;
        if (actual[i] != w) {
          return Integer.compare(actual[i], w);
        }
      }
      return 0;
    }
  }
}
