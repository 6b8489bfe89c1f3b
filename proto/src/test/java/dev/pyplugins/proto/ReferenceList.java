package dev.pyplugins.proto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One row per method of a reference TSV (name, Go signature), as copied from Mattermost's plugin API and
 * hooks into {@code src/test/resources/reference/}.
 */
record ReferenceList(List<Entry> entries) {

  /** A Go method: its exact name and its Go signature. */
  record Entry(String name, String goSignature) {
    /** True when the Go method takes a {@code *plugin.Context}, so its request must carry one. */
    boolean takesPluginContext() {
      return goSignature.contains("*Context");
    }
  }

  static ReferenceList load(String resource) throws IOException {
    try (InputStream in = ReferenceList.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing test resource " + resource);
      }
      List<Entry> entries = new ArrayList<>();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        String[] cols = lines[i].split("\t");
        if (cols.length >= 2 && !cols[0].isBlank()) {
          entries.add(new Entry(cols[0].trim(), cols[1].trim()));
        }
      }
      return new ReferenceList(List.copyOf(entries));
    }
  }

  List<String> names() {
    return entries.stream().map(Entry::name).toList();
  }
}
