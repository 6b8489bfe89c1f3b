package dev.pyplugins.it.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code blocks of a markdown file that a marker comment names: {@code <!-- host-project: pom.xml -->} right
 * before a fenced block makes that block the project's {@code pom.xml}; {@code <!-- host-project: run -->} marks
 * the shell commands that build and run it. So a test uses exactly what the document shows.
 */
final class ReadmeBlocks {
  private static final Pattern BLOCK = Pattern.compile(
      "<!-- (?<project>[\\w-]+): (?<name>[^ ]+) -->\\s*\\n```[\\w-]*\\n(?<body>.*?)\\n```", Pattern.DOTALL);

  private final Map<String, String> files = new LinkedHashMap<>();
  private final List<String> commands = new ArrayList<>();

  private ReadmeBlocks() {}

  /** The blocks marked for {@code project} in {@code markdown}. */
  static ReadmeBlocks of(Path markdown, String project) throws IOException {
    ReadmeBlocks blocks = new ReadmeBlocks();
    Matcher m = BLOCK.matcher(Files.readString(markdown));
    while (m.find()) {
      if (!m.group("project").equals(project)) {
        continue;
      }
      if (m.group("name").equals("run")) {
        m.group("body").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .forEach(blocks.commands::add);
      } else {
        blocks.files.put(m.group("name"), m.group("body") + "\n");
      }
    }
    if (blocks.files.isEmpty() || blocks.commands.isEmpty()) {
      throw new IllegalStateException(markdown + " has no files or no run block marked '" + project + "'");
    }
    return blocks;
  }

  /** File path (relative to the project) to content. */
  Map<String, String> files() {
    return files;
  }

  /** The shell commands, in order. */
  List<String> commands() {
    return commands;
  }

  /** Writes the files under {@code dir}. */
  void writeTo(Path dir) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = dir.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
    }
  }
}
