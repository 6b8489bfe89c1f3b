package dev.pyplugins.codegen.java;

import com.palantir.javapoet.CodeBlock;
import dev.pyplugins.codegen.model.Doc;
import java.util.List;

/**
 * Proto comments as Javadoc. Comment text is plain text, so everything Javadoc or the Java compiler would
 * read as markup is escaped: {@code *}{@code /} would end the comment, a backslash-u would be a unicode
 * escape, {@code @} a tag, {@code <} and {@code &} HTML. The text always reaches JavaPoet as an argument,
 * never as a format string, so {@code $} needs nothing.
 */
final class JavaDocs {

  private JavaDocs() {}

  /** The text, escaped for a Javadoc comment. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append("&#64;");
        case '\\' -> out.append("&#92;");
        case '/' -> out.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A doc's lines, escaped, one Javadoc line each; nothing for an empty doc. */
  static CodeBlock of(Doc doc) {
    CodeBlock.Builder block = CodeBlock.builder();
    for (String line : doc.lines()) {
      block.add("$L\n", escape(line));
    }
    return block.build();
  }

  /** The doc, or the fallback sentence when the proto has no comment. */
  static CodeBlock orElse(Doc doc, String fallback) {
    return doc.isEmpty() ? CodeBlock.of("$L\n", fallback) : of(doc);
  }

  /** A doc flattened to one line, for {@code @param} and {@code @return}; the fallback when empty. */
  static String oneLine(Doc doc, String fallback) {
    if (doc.isEmpty()) {
      return fallback;
    }
    List<String> lines = doc.lines();
    return escape(String.join(" ", lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList()));
  }
}
