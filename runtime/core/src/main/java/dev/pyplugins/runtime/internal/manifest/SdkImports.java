package dev.pyplugins.runtime.internal.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Whether a plugin's entry point imports the Python SDK, read from its first 64 KiB. */
final class SdkImports {
  private static final int READ_LIMIT = 64 * 1024;
  private static final Pattern IMPORT = Pattern.compile("^\\s*(from|import)\\s+mattermost_plugin\\b",
      Pattern.MULTILINE);

  private SdkImports() {}

  static boolean usesSdk(Path entryPoint) {
    try (InputStream in = Files.newInputStream(entryPoint)) {
      return IMPORT.matcher(new String(in.readNBytes(READ_LIMIT), StandardCharsets.UTF_8)).find();
    } catch (IOException e) {
      return false; // the start reports an unreadable entry point on its own
    }
  }
}
