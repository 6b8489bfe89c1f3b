package dev.pyplugins.codegen.python;

import dev.pyplugins.codegen.model.Doc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Python spellings of proto names and comments: snake_case, keyword-safe identifiers, docstrings. */
final class PythonNames {

  /**
   * Python's hard and soft keywords, plus {@code self} and {@code body} (the streamed-body parameter of
   * generated methods). Generated code's own locals start with an underscore, so they cannot clash.
   */
  private static final Set<String> RESERVED = Set.of("False", "None", "True", "and", "as", "assert", "async",
      "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
      "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
      "while", "with", "yield", "match", "case", "self", "body");

  /** Mixed-case words a plain case split would cut in two ({@code OAuth} -> {@code o_auth}). */
  private static final Map<String, String> WORDS = Map.of("OAuth", "Oauth");

  private PythonNames() {}

  /** {@code GetUser} -> {@code get_user}, {@code KVSet} -> {@code kv_set}, {@code GetPluginID} -> {@code get_plugin_id}. */
  static String snakeCase(String name) {
    String s = name;
    for (Map.Entry<String, String> word : WORDS.entrySet()) {
      s = s.replace(word.getKey(), word.getValue());
    }
    s = s.replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2");
    s = s.replaceAll("([a-z0-9])([A-Z])", "$1_$2");
    return s.toLowerCase(java.util.Locale.ROOT);
  }

  /** A name usable as a parameter or method: reserved words get a trailing underscore. */
  static String identifier(String name) {
    return RESERVED.contains(name) ? name + "_" : name;
  }

  static boolean isReserved(String name) {
    return RESERVED.contains(name);
  }

  /**
   * A docstring body: the doc's lines, escaped for a triple-quoted literal, every line after the first
   * indented. Empty docs give the fallback text.
   */
  static String docstring(Doc doc, String fallback, String indent) {
    List<String> lines = new ArrayList<>(doc.isEmpty() ? List.of(fallback) : doc.lines());
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = escape(lines.get(i));
      if (i > 0) {
        out.append('\n');
        if (!line.isEmpty()) {
          out.append(indent);
        }
      }
      out.append(line);
    }
    if (lines.size() > 1) {
      out.append('\n').append(indent);
    }
    if (out.charAt(out.length() - 1) == '"') {
      out.append(' ');
    }
    return out.toString();
  }

  /** A comment line's text, safe inside {@code """...""""} and a {@code #} comment. */
  static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"\"\"", "\\\"\\\"\\\"");
  }

  /** A Python string literal (double-quoted). */
  static String literal(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
