package dev.pyplugins.codegen.model;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A doc comment from a {@code .proto} file: the leading comment of an element, one entry per line, with
 * the comment markers and the common indentation removed.
 */
public record Doc(List<String> lines) {

  public static final Doc NONE = new Doc(List.of());

  public Doc {
    lines = List.copyOf(lines);
  }

  /** Builds a doc from protoc's raw leading-comment text; blank text gives {@link #NONE}. */
  public static Doc fromComment(String raw) {
    if (raw == null || raw.isBlank()) {
      return NONE;
    }
    List<String> stripped = Arrays.stream(raw.split("\n", -1))
        .map(line -> line.startsWith(" ") ? line.substring(1) : line)
        .map(String::stripTrailing)
        .collect(Collectors.toList());
    while (!stripped.isEmpty() && stripped.get(stripped.size() - 1).isEmpty()) {
      stripped.remove(stripped.size() - 1);
    }
    while (!stripped.isEmpty() && stripped.get(0).isEmpty()) {
      stripped.remove(0);
    }
    return new Doc(stripped);
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }

  /** The comment as one block of text, lines joined with {@code \n}. */
  public String text() {
    return String.join("\n", lines);
  }

  /** The first sentence or, failing that, the first line: for one-line summaries. */
  public String summary() {
    String all = String.join(" ", lines).strip();
    int end = all.indexOf(". ");
    return end < 0 ? all : all.substring(0, end + 1);
  }
}
