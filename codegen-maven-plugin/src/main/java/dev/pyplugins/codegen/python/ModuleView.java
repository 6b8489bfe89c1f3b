package dev.pyplugins.codegen.python;

import java.util.List;

/**
 * What every generated module template gets besides its own items.
 *
 * @param header the first line: which {@code .proto} the module comes from
 * @param packageName the SDK's import name
 * @param imports the {@code _pb2} import lines, sorted
 * @param items the per-RPC (or per-message) views the template loops over
 * @param extra template-specific values
 */
record ModuleView(String header, String packageName, List<String> imports, List<?> items, Object extra) {

  static String header(String protoFile) {
    return "# generated from " + protoFile + " by the pyplugins code generator, do not edit";
  }
}
