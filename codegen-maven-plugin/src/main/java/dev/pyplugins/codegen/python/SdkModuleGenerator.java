package dev.pyplugins.codegen.python;

import dev.pyplugins.codegen.GeneratedFile;
import java.util.List;

/** One output of the Python SDK (a rendered module, the copied core, protoc's modules), as a pure function. */
interface SdkModuleGenerator {

  /** A short name for errors, such as "client". */
  String name();

  /** The files of this output, below {@link dev.pyplugins.codegen.OutputRoot#PYTHON}. */
  List<GeneratedFile> generate(SdkContext sdk);
}
