package dev.pyplugins.codegen.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.codehaus.plexus.util.DirectoryScanner;

/** Selects the {@code .proto} files to generate from, with Maven's usual Ant-style include and exclude patterns. */
final class ProtoFileScanner {

  private ProtoFileScanner() {}

  /**
   * The matching files of every root, as import paths ({@code /} separators) relative to their root,
   * sorted. Roots that do not exist contribute nothing.
   */
  static List<String> scan(Collection<File> roots, Collection<String> includes, Collection<String> excludes) {
    TreeSet<String> files = new TreeSet<>();
    for (File root : roots) {
      if (!root.isDirectory()) {
        continue;
      }
      DirectoryScanner scanner = new DirectoryScanner();
      scanner.setBasedir(root);
      scanner.setIncludes(includes.toArray(String[]::new));
      scanner.setExcludes(excludes.toArray(String[]::new));
      scanner.addDefaultExcludes();
      scanner.scan();
      for (String file : scanner.getIncludedFiles()) {
        files.add(file.replace(File.separatorChar, '/'));
      }
    }
    return new ArrayList<>(files);
  }
}
