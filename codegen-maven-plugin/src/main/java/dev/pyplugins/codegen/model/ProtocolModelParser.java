package dev.pyplugins.codegen.model;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a {@link FileDescriptorSet} (as written by {@code protoc --include_imports --include_source_info})
 * into a {@link ProtocolModel}. The only place in the code base that reads raw descriptors.
 */
public final class ProtocolModelParser {

  // Paths into FileDescriptorProto, as numbered in descriptor.proto.
  private static final int FILE_MESSAGE = 4;
  private static final int FILE_ENUM = 5;
  private static final int FILE_SERVICE = 6;
  private static final int MESSAGE_FIELD = 2;
  private static final int MESSAGE_NESTED = 3;
  private static final int MESSAGE_ENUM = 4;
  private static final int SERVICE_METHOD = 2;
  private static final int ENUM_VALUE = 2;

  private ProtocolModelParser() {}

  /**
   * Parses the set.
   *
   * @param set the descriptors, imports included
   * @param filesToGenerate import paths of the files the user asked for; the others are only referenced
   */
  public static ProtocolModel parse(FileDescriptorSet set, Set<String> filesToGenerate) {
    Map<String, MessageModel> messages = new LinkedHashMap<>();
    Map<String, EnumModel> enums = new LinkedHashMap<>();
    List<ProtoFile> files = new ArrayList<>();
    Map<FileDescriptorProto, Comments> comments = new HashMap<>();

    // Pass 1: messages need their field types, which may be map entries declared anywhere, so collect
    // raw descriptors first and build fields second.
    Map<String, RawMessage> raw = new LinkedHashMap<>();
    for (FileDescriptorProto fd : set.getFileList()) {
      ProtoFile file = toFile(fd, filesToGenerate.contains(fd.getName()));
      files.add(file);
      Comments c = new Comments(fd.getSourceCodeInfo());
      comments.put(fd, c);
      for (int i = 0; i < fd.getMessageTypeCount(); i++) {
        collect(fd.getMessageType(i), file, prefix(fd.getPackage()), List.of(), List.of(FILE_MESSAGE, i), c, raw,
            enums);
      }
      for (int i = 0; i < fd.getEnumTypeCount(); i++) {
        addEnum(fd.getEnumType(i), file, prefix(fd.getPackage()), List.of(), List.of(FILE_ENUM, i), c, enums);
      }
    }
    for (RawMessage r : raw.values()) {
      List<FieldModel> fields = new ArrayList<>();
      for (int i = 0; i < r.proto.getFieldCount(); i++) {
        fields.add(toField(r.proto.getField(i), r.proto, raw, r.comments.doc(append(r.path, MESSAGE_FIELD, i))));
      }
      messages.put(r.fullName, new MessageModel(r.proto.getName(), r.fullName, r.file, r.nesting, fields,
          r.proto.getOptions().getMapEntry(), r.proto.getOptions().getDeprecated(), r.comments.doc(r.path)));
    }

    List<ServiceModel> services = new ArrayList<>();
    for (int f = 0; f < set.getFileCount(); f++) {
      FileDescriptorProto fd = set.getFile(f);
      if (!filesToGenerate.contains(fd.getName())) {
        continue;
      }
      Comments c = comments.get(fd);
      for (int s = 0; s < fd.getServiceCount(); s++) {
        ServiceDescriptorProto sd = fd.getService(s);
        String fullName = prefix(fd.getPackage()) + sd.getName();
        List<MethodModel> methods = new ArrayList<>();
        for (int m = 0; m < sd.getMethodCount(); m++) {
          MethodDescriptorProto md = sd.getMethod(m);
          methods.add(new MethodModel(md.getName(), fullName, messages.get(strip(md.getInputType())),
              messages.get(strip(md.getOutputType())), md.getClientStreaming(), md.getServerStreaming(),
              md.getOptions().getDeprecated(), c.doc(List.of(FILE_SERVICE, s, SERVICE_METHOD, m))));
        }
        services.add(new ServiceModel(sd.getName(), fullName, files.get(f), methods,
            sd.getOptions().getDeprecated(), c.doc(List.of(FILE_SERVICE, s))));
      }
    }
    return new ProtocolModel(files, messages, enums, services);
  }

  private record RawMessage(DescriptorProto proto, String fullName, ProtoFile file, List<String> nesting,
      List<Integer> path, Comments comments) {}

  private static void collect(DescriptorProto proto, ProtoFile file, String prefix, List<String> nesting,
      List<Integer> path, Comments c, Map<String, RawMessage> raw, Map<String, EnumModel> enums) {
    String fullName = prefix + proto.getName();
    raw.put(fullName, new RawMessage(proto, fullName, file, nesting, path, c));
    List<String> inner = new ArrayList<>(nesting);
    inner.add(proto.getName());
    for (int i = 0; i < proto.getNestedTypeCount(); i++) {
      collect(proto.getNestedType(i), file, fullName + ".", inner, append(path, MESSAGE_NESTED, i), c, raw, enums);
    }
    for (int i = 0; i < proto.getEnumTypeCount(); i++) {
      addEnum(proto.getEnumType(i), file, fullName + ".", inner, append(path, MESSAGE_ENUM, i), c, enums);
    }
  }

  private static void addEnum(EnumDescriptorProto proto, ProtoFile file, String prefix, List<String> nesting,
      List<Integer> path, Comments c, Map<String, EnumModel> enums) {
    List<EnumModel.Value> values = new ArrayList<>();
    for (int i = 0; i < proto.getValueCount(); i++) {
      values.add(new EnumModel.Value(proto.getValue(i).getName(), proto.getValue(i).getNumber(),
          c.doc(append(path, ENUM_VALUE, i))));
    }
    String fullName = prefix + proto.getName();
    enums.put(fullName, new EnumModel(proto.getName(), fullName, file, nesting, values, c.doc(path)));
  }

  private static FieldModel toField(FieldDescriptorProto fd, DescriptorProto owner, Map<String, RawMessage> raw,
      Doc doc) {
    FieldKind kind = kind(fd.getType());
    Optional<String> typeName = fd.getTypeName().isEmpty() ? Optional.empty() : Optional.of(strip(fd.getTypeName()));
    FieldModel.Cardinality cardinality;
    Optional<FieldModel> key = Optional.empty();
    Optional<FieldModel> value = Optional.empty();
    if (fd.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED) {
      RawMessage entry = typeName.map(raw::get).orElse(null);
      if (entry != null && entry.proto.getOptions().getMapEntry()) {
        cardinality = FieldModel.Cardinality.MAP;
        key = Optional.of(toField(entry.proto.getField(0), entry.proto, raw, Doc.NONE));
        value = Optional.of(toField(entry.proto.getField(1), entry.proto, raw, Doc.NONE));
      } else {
        cardinality = FieldModel.Cardinality.REPEATED;
      }
    } else if (fd.getProto3Optional()) {
      cardinality = FieldModel.Cardinality.OPTIONAL;
    } else {
      cardinality = FieldModel.Cardinality.SINGULAR;
    }
    Optional<String> oneof = fd.hasOneofIndex() && !fd.getProto3Optional()
        ? Optional.of(owner.getOneofDecl(fd.getOneofIndex()).getName())
        : Optional.empty();
    return new FieldModel(fd.getName(), fd.getNumber(), kind, cardinality, typeName, key, value, oneof,
        fd.getOptions().getDeprecated(), doc);
  }

  private static FieldKind kind(FieldDescriptorProto.Type type) {
    return switch (type) {
      case TYPE_DOUBLE -> FieldKind.DOUBLE;
      case TYPE_FLOAT -> FieldKind.FLOAT;
      case TYPE_INT32 -> FieldKind.INT32;
      case TYPE_INT64 -> FieldKind.INT64;
      case TYPE_UINT32 -> FieldKind.UINT32;
      case TYPE_UINT64 -> FieldKind.UINT64;
      case TYPE_SINT32 -> FieldKind.SINT32;
      case TYPE_SINT64 -> FieldKind.SINT64;
      case TYPE_FIXED32 -> FieldKind.FIXED32;
      case TYPE_FIXED64 -> FieldKind.FIXED64;
      case TYPE_SFIXED32 -> FieldKind.SFIXED32;
      case TYPE_SFIXED64 -> FieldKind.SFIXED64;
      case TYPE_BOOL -> FieldKind.BOOL;
      case TYPE_STRING -> FieldKind.STRING;
      case TYPE_BYTES -> FieldKind.BYTES;
      case TYPE_ENUM -> FieldKind.ENUM;
      case TYPE_MESSAGE -> FieldKind.MESSAGE;
      case TYPE_GROUP -> throw new IllegalArgumentException("proto2 groups are not supported");
    };
  }

  private static ProtoFile toFile(FileDescriptorProto fd, boolean generate) {
    var options = fd.getOptions();
    return new ProtoFile(fd.getName(), fd.getPackage(),
        options.hasJavaPackage() ? Optional.of(options.getJavaPackage()) : Optional.empty(),
        options.hasJavaOuterClassname() ? Optional.of(options.getJavaOuterClassname()) : Optional.empty(),
        options.getJavaMultipleFiles(), fd.getDependencyList(), generate);
  }

  private static String prefix(String protoPackage) {
    return protoPackage.isEmpty() ? "" : protoPackage + ".";
  }

  private static String strip(String typeName) {
    return typeName.startsWith(".") ? typeName.substring(1) : typeName;
  }

  private static List<Integer> append(List<Integer> path, int a, int b) {
    List<Integer> out = new ArrayList<>(path);
    out.add(a);
    out.add(b);
    return List.copyOf(out);
  }

  /** Leading comments of one file, by source path. */
  private static final class Comments {
    private final Map<List<Integer>, String> leading = new HashMap<>();

    Comments(SourceCodeInfo info) {
      for (SourceCodeInfo.Location loc : info.getLocationList()) {
        if (loc.hasLeadingComments()) {
          leading.put(List.copyOf(loc.getPathList()), loc.getLeadingComments());
        }
      }
    }

    Doc doc(List<Integer> path) {
      return Doc.fromComment(leading.get(path));
    }
  }
}
