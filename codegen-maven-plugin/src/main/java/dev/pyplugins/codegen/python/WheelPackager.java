package dev.pyplugins.codegen.python;

import dev.pyplugins.codegen.GeneratedFile;
import dev.pyplugins.codegen.OutputRoot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Packs the finished package files into the SDK's wheel ({@link OutputRoot#WHEEL}): the metadata from the
 * Python options, the requirements of the handwritten core merged under the user's, and a protobuf floor
 * no lower than the runtime protoc's code was generated for.
 */
final class WheelPackager {

  /** Requirements of the handwritten core itself, merged under the user's (AutoMTLS needs cryptography). */
  private static final Map<String, String> CORE_REQUIREMENTS = Map.of("cryptography", ">=42.0");
  private static final String PROTOBUF = "protobuf";
  static final String SUMMARY =
      "Typed Python SDK for plugins of a Mattermost-protocol host: API clients, hooks and plugin server";

  /** The wheel holding {@code files} (every one under {@link OutputRoot#PYTHON}). */
  GeneratedFile pack(SdkContext sdk, List<GeneratedFile> files) {
    Map<String, String> requirements = new HashMap<>(CORE_REQUIREMENTS);
    requirements.putAll(sdk.options().requirements());
    new ProtocOutputRelocator(sdk.packageName(), sdk.protocOutput()).gencodeVersion().ifPresent(gencode -> {
      String floor = requirements.getOrDefault(PROTOBUF, "");
      if (!floor.startsWith(">=") || Versions.compare(floor.substring(2), gencode) < 0) {
        requirements.put(PROTOBUF, ">=" + gencode);
      }
    });
    WheelMetadata metadata = new WheelMetadata(sdk.options().distributionName(), sdk.options().version(), SUMMARY,
        sdk.options().requiresPython(), requirements, List.of(sdk.packageName()));
    WheelWriter writer = new WheelWriter(metadata);
    Map<String, byte[]> content = new TreeMap<>();
    for (GeneratedFile f : files) {
      if (f.root() != OutputRoot.PYTHON) {
        throw new IllegalArgumentException("the wheel holds Python package files only, not " + f);
      }
      content.put(f.path(), f.content());
    }
    return new GeneratedFile(OutputRoot.WHEEL, writer.fileName(), writer.write(content));
  }
}
