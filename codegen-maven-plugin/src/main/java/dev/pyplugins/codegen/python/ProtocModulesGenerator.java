package dev.pyplugins.codegen.python;

import dev.pyplugins.codegen.GeneratedFile;
import java.util.List;

/** protoc's {@code *_pb2.py} and {@code *_pb2.pyi}, moved under {@code <package>._proto} (see {@link ProtocOutputRelocator}). */
final class ProtocModulesGenerator implements SdkModuleGenerator {

  @Override
  public String name() {
    return "protoc-modules";
  }

  @Override
  public List<GeneratedFile> generate(SdkContext sdk) {
    return new ProtocOutputRelocator(sdk.packageName(), sdk.protocOutput()).relocate();
  }
}
