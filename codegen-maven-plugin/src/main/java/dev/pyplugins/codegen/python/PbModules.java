package dev.pyplugins.codegen.python;

import dev.pyplugins.codegen.model.EnumModel;
import dev.pyplugins.codegen.model.MessageModel;
import dev.pyplugins.codegen.model.ProtoFile;
import dev.pyplugins.codegen.model.ProtocolModel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where each {@code .proto} file's {@code _pb2} module lives once relocated into the SDK package, and the
 * {@code _}-prefixed alias generated code imports it under. Files protoc generated for us move to
 * {@code <package>._proto.<dotted path>}; the others (the well-known types) stay where the protobuf
 * runtime ships them.
 */
final class PbModules {

  /** The sub-package protoc's output moves to. */
  static final String PROTO_PACKAGE = "_proto";

  private final ProtocolModel model;
  private final Map<String, Module> byFile = new HashMap<>();

  /** One pb2 module. */
  record Module(String file, String parent, String name, String alias, boolean relocated) {
    /** The import statement for a generated module {@code depth} packages below the package root. */
    String importLine(int depth) {
      String from = relocated ? ".".repeat(depth + 1) + PROTO_PACKAGE + (parent.isEmpty() ? "" : "." + parent)
          : parent;
      return "from " + from + " import " + name + " as " + alias;
    }
  }

  PbModules(ProtocolModel model, Set<String> relocatedPythonFiles) {
    this.model = model;
    Set<String> aliases = new HashSet<>();
    for (ProtoFile file : model.files()) {
      String stem = file.path().substring(0, file.path().length() - ".proto".length()) + "_pb2";
      int slash = stem.lastIndexOf('/');
      String parent = slash < 0 ? "" : stem.substring(0, slash).replace('/', '.');
      String name = stem.substring(slash + 1);
      String alias = "_" + name;
      if (!aliases.add(alias)) {
        alias = "_" + stem.replace('/', '_');
        aliases.add(alias);
      }
      byFile.put(file.path(), new Module(file.path(), parent, name, alias,
          relocatedPythonFiles.contains(stem + ".py")));
    }
  }

  Module module(String protoFile) {
    Module m = byFile.get(protoFile);
    if (m == null) {
      throw new IllegalArgumentException("no module for " + protoFile);
    }
    return m;
  }

  /** Collects the modules one generated file uses and writes its import lines. */
  final class Imports {
    private final Set<String> files = new TreeSet<>();

    ProtocolModel model() {
      return model;
    }

    /** The Python expression naming a message class, recording its module. */
    String message(String fullName) {
      MessageModel message = model.message(fullName);
      return qualify(message.file().path(), message.nestingPath(), message.name());
    }

    /** The Python expression naming an enum's value type, recording its module. */
    String enumType(String fullName) {
      EnumModel e = model.enumType(fullName);
      return qualify(e.file().path(), e.nestingPath(), e.name()) + ".ValueType";
    }

    private String qualify(String file, List<String> nesting, String name) {
      files.add(file);
      StringBuilder out = new StringBuilder(module(file).alias());
      nesting.forEach(n -> out.append('.').append(n));
      return out.append('.').append(name).toString();
    }

    /** The import lines, sorted, for a module {@code depth} packages below the package root. */
    List<String> lines(int depth) {
      return files.stream().map(f -> module(f).importLine(depth)).sorted().toList();
    }
  }
}
