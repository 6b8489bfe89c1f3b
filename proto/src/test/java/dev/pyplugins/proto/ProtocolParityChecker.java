package dev.pyplugins.proto;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the protocol's services with the reference lists of Go methods and checks the protocol
 * conventions of docs/proto-conventions.md. Every problem becomes one line of the report, naming the RPC,
 * message or field at fault.
 */
final class ProtocolParityChecker {

  static final String PACKAGE = "mattermost.pluginapi.v1";
  static final String API_SERVICE = "PluginAPI";
  static final String HOOKS_SERVICE = "PluginHooks";

  private static final Set<String> CLIENT_STREAMING =
      Set.of("InstallPlugin", "UploadData", "ReceiveSharedChannelAttachmentSyncMsg");
  private static final Set<String> BIDI_STREAMING =
      Set.of("ServeHTTP", "ServeMetrics", "PluginHTTP", "FileWillBeUploaded");

  private final Map<String, DescriptorProto> messages = new HashMap<>();
  private final Map<String, String> messageFiles = new HashMap<>();
  private final Map<String, ServiceDescriptorProto> services = new HashMap<>();
  private final DocIndex docs = new DocIndex();

  /** The outcome: how many reference methods were matched, and every problem found. */
  record Report(int apiMatched, int apiExpected, int hooksMatched, int hooksExpected, List<String> problems) {
    String summary() {
      return "PluginAPI %d/%d API methods, PluginHooks %d/%d hooks (Implemented included), %d problem(s)"
          .formatted(apiMatched, apiExpected, hooksMatched, hooksExpected, problems.size());
    }
  }

  ProtocolParityChecker(FileDescriptorSet set) {
    for (FileDescriptorProto file : set.getFileList()) {
      String prefix = file.getPackage().isEmpty() ? "" : file.getPackage() + ".";
      for (DescriptorProto message : file.getMessageTypeList()) {
        messages.put(prefix + message.getName(), message);
        messageFiles.put(prefix + message.getName(), file.getName());
      }
      for (ServiceDescriptorProto service : file.getServiceList()) {
        services.put(prefix + service.getName(), service);
      }
      docs.add(file);
    }
  }

  Report check(ReferenceList api, ReferenceList hooks) {
    List<String> problems = new ArrayList<>();
    int apiMatched = checkService(API_SERVICE, api, problems, true);
    int hooksMatched = checkService(HOOKS_SERVICE, hooks, problems, false);
    checkMessageDocs(problems);
    return new Report(apiMatched, api.entries().size(), hooksMatched, hooks.entries().size(), problems);
  }

  private int checkService(String name, ReferenceList reference, List<String> problems, boolean api) {
    ServiceDescriptorProto service = services.get(PACKAGE + "." + name);
    if (service == null) {
      problems.add("service " + PACKAGE + "." + name + " is missing");
      return 0;
    }
    Map<String, MethodDescriptorProto> rpcs = new HashMap<>();
    service.getMethodList().forEach(m -> rpcs.put(m.getName(), m));
    Set<String> expected = new LinkedHashSet<>(reference.names());

    int matched = 0;
    for (ReferenceList.Entry entry : reference.entries()) {
      MethodDescriptorProto rpc = rpcs.get(entry.name());
      if (rpc == null) {
        Optional<String> nearMiss = rpcs.keySet().stream()
            .filter(r -> r.equalsIgnoreCase(entry.name()) && !expected.contains(r)).findFirst();
        problems.add(nearMiss
            .map(r -> name + ": RPC " + r + " is misnamed; the Go method is " + entry.name())
            .orElse(name + ": RPC " + entry.name() + " is missing"));
        continue;
      }
      matched++;
      checkRpc(name, rpc, entry, api, problems);
    }
    for (MethodDescriptorProto rpc : service.getMethodList()) {
      boolean misnamed = expected.stream().anyMatch(e -> e.equalsIgnoreCase(rpc.getName()));
      if (!expected.contains(rpc.getName()) && !misnamed) {
        problems.add(name + ": RPC " + rpc.getName() + " is extra; no Go method has that name");
      }
    }
    if (!docs.hasDoc(service)) {
      problems.add(name + ": service has no doc comment");
    }
    return matched;
  }

  private void checkRpc(String service, MethodDescriptorProto rpc, ReferenceList.Entry entry, boolean api,
      List<String> problems) {
    String where = service + "." + rpc.getName();
    String request = PACKAGE + "." + rpc.getName() + "Request";
    String response = PACKAGE + "." + rpc.getName() + "Response";
    if (!rpc.getInputType().equals("." + request)) {
      problems.add(where + ": request type is " + rpc.getInputType() + ", expected ." + request);
    }
    if (!rpc.getOutputType().equals("." + response)) {
      problems.add(where + ": response type is " + rpc.getOutputType() + ", expected ." + response);
    }
    if (!docs.hasDoc(rpc)) {
      problems.add(where + ": RPC has no doc comment");
    }
    boolean clientStreams = CLIENT_STREAMING.contains(rpc.getName()) || BIDI_STREAMING.contains(rpc.getName());
    boolean serverStreams = BIDI_STREAMING.contains(rpc.getName());
    if (rpc.getClientStreaming() != clientStreams || rpc.getServerStreaming() != serverStreams) {
      problems.add(where + ": streaming is (client=%s, server=%s), expected (client=%s, server=%s)"
          .formatted(rpc.getClientStreaming(), rpc.getServerStreaming(), clientStreams, serverStreams));
    }

    DescriptorProto req = messages.get(request);
    DescriptorProto resp = messages.get(response);
    if (req == null || resp == null) {
      problems.add(where + ": " + (req == null ? request : response) + " is not defined");
      return;
    }
    if (api) {
      expectField(where, req, 1, "context", ".mattermost.pluginapi.v1.RequestContext", problems);
    } else if (entry.takesPluginContext()) {
      expectField(where, req, 1, "plugin_context", ".mattermost.pluginapi.v1.PluginContext", problems);
    } else if (field(req, 1).isPresent()) {
      problems.add(where + ": " + req.getName() + " has field 1 but the Go hook takes no *plugin.Context");
    }
    expectField(where, resp, 1, "error", ".mattermost.pluginapi.v1.AppError", problems);
    if (clientStreams) {
      expectBodyField(where, req, "body_chunk", FieldDescriptorProto.Type.TYPE_BYTES, problems);
      expectBodyField(where, req, "body_complete", FieldDescriptorProto.Type.TYPE_BOOL, problems);
    }
    if (serverStreams) {
      expectBodyField(where, resp, "body_chunk", FieldDescriptorProto.Type.TYPE_BYTES, problems);
      expectBodyField(where, resp, "body_complete", FieldDescriptorProto.Type.TYPE_BOOL, problems);
    }
  }

  private static Optional<FieldDescriptorProto> field(DescriptorProto message, int number) {
    return message.getFieldList().stream().filter(f -> f.getNumber() == number).findFirst();
  }

  private static void expectField(String where, DescriptorProto message, int number, String name, String type,
      List<String> problems) {
    Optional<FieldDescriptorProto> f = field(message, number);
    if (f.isEmpty() || !f.get().getName().equals(name) || !f.get().getTypeName().equals(type)) {
      problems.add("%s: %s field %d must be `%s %s`, found %s".formatted(where, message.getName(), number,
          type.substring(type.lastIndexOf('.') + 1), name,
          f.map(x -> "`" + x.getTypeName() + " " + x.getName() + "`").orElse("nothing")));
    }
  }

  private static void expectBodyField(String where, DescriptorProto message, String name,
      FieldDescriptorProto.Type type, List<String> problems) {
    boolean ok = message.getFieldList().stream()
        .anyMatch(f -> f.getName().equals(name) && f.getType() == type);
    if (!ok) {
      problems.add(where + ": streamed " + message.getName() + " lacks `" + type.name().substring(5)
          .toLowerCase(Locale.ROOT) + " " + name + "`");
    }
  }

  private void checkMessageDocs(List<String> problems) {
    messages.forEach((name, message) -> {
      if (name.startsWith(PACKAGE + ".") && !docs.hasDoc(message)) {
        problems.add("message " + name + " (" + messageFiles.get(name) + ") has no doc comment");
      }
    });
  }

  /** Leading comments of services, methods and top-level messages, from the descriptors' source info. */
  private static final class DocIndex {
    private final Set<Object> documented = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    void add(FileDescriptorProto file) {
      SourceCodeInfo info = file.getSourceCodeInfo();
      for (SourceCodeInfo.Location loc : info.getLocationList()) {
        if (loc.getLeadingComments().isBlank()) {
          continue;
        }
        List<Integer> path = loc.getPathList();
        // 4 = message_type, 6 = service, 2 = method (inside a service).
        // Paths may point past the end when a test edited the descriptors; those elements are gone.
        if (path.size() == 2 && path.get(0) == 4 && path.get(1) < file.getMessageTypeCount()) {
          documented.add(file.getMessageType(path.get(1)));
        } else if (path.size() == 2 && path.get(0) == 6 && path.get(1) < file.getServiceCount()) {
          documented.add(file.getService(path.get(1)));
        } else if (path.size() == 4 && path.get(0) == 6 && path.get(2) == 2 && path.get(1) < file.getServiceCount()
            && path.get(3) < file.getService(path.get(1)).getMethodCount()) {
          documented.add(file.getService(path.get(1)).getMethod(path.get(3)));
        }
      }
    }

    boolean hasDoc(Object element) {
      return documented.contains(element);
    }
  }
}
