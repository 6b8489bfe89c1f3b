package dev.pyplugins.codegen.python;

import dev.pyplugins.codegen.GeneratedFile;
import dev.pyplugins.codegen.GenerationContext;
import dev.pyplugins.codegen.Generator;
import dev.pyplugins.codegen.OutputRoot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The typed Python SDK: the importable package ({@link OutputRoot#PYTHON}) and its wheel
 * ({@link OutputRoot#WHEEL}). It derives the {@link SdkContext} once, runs each of
 * {@link PythonGenerators#all} over it, and hands the finished package files to {@link WheelPackager}.
 */
public final class PythonSdkGenerator implements Generator {

  private final List<SdkModuleGenerator> generators;
  private final WheelPackager packager = new WheelPackager();

  public PythonSdkGenerator() {
    this.generators = PythonGenerators.all(new SdkResources());
  }

  @Override
  public String name() {
    return "python-sdk";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    SdkContext sdk = SdkContext.of(context);
    Map<String, GeneratedFile> files = new TreeMap<>();
    Map<String, String> producers = new HashMap<>();
    for (SdkModuleGenerator generator : generators) {
      for (GeneratedFile file : generator.generate(sdk)) {
        String previous = producers.putIfAbsent(file.path(), generator.name());
        if (previous != null) {
          throw new IllegalStateException("the Python SDK generators '" + previous + "' and '" + generator.name()
              + "' both write " + file.path());
        }
        files.put(file.path(), file);
      }
    }
    List<GeneratedFile> out = new ArrayList<>(files.values());
    out.add(packager.pack(sdk, out));
    return List.copyOf(out);
  }
}
