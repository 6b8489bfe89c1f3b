package dev.pyplugins.runtime.internal.manifest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Python release number, as reported by {@code sys.version_info}. */
public record PythonVersion(int major, int minor, int micro) implements Comparable<PythonVersion> {
  private static final Pattern FORM = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

  /** Parses {@code 3.11} or {@code 3.11.7}. */
  public static PythonVersion parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a Python version: '" + text + "'");
    }
    return new PythonVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
  }

  @Override
  public int compareTo(PythonVersion o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    return c == 0 ? Integer.compare(micro, o.micro) : c;
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + micro;
  }
}
