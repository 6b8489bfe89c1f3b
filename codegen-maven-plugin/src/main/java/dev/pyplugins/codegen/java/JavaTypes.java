package dev.pyplugins.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;

/**
 * The classes generated code refers to outside the protocol, by name: the generator itself never loads
 * gRPC or the support library.
 */
final class JavaTypes {

  static final ClassName BINDABLE_SERVICE = grpc("BindableService");
  static final ClassName CALL_OPTIONS = grpc("CallOptions");
  static final ClassName CHANNEL = grpc("Channel");
  static final ClassName CONTEXT = grpc("Context");
  static final ClassName METHOD_DESCRIPTOR = grpc("MethodDescriptor");
  static final ClassName METHOD_TYPE = METHOD_DESCRIPTOR.nestedClass("MethodType");
  static final ClassName SERVER_SERVICE_DEFINITION = grpc("ServerServiceDefinition");
  static final ClassName SERVICE_DESCRIPTOR = grpc("ServiceDescriptor");
  static final ClassName STATUS = grpc("Status");
  static final ClassName PROTO_UTILS = ClassName.get("io.grpc.protobuf", "ProtoUtils");
  static final ClassName ABSTRACT_ASYNC_STUB = stub("AbstractAsyncStub");
  static final ClassName ABSTRACT_BLOCKING_STUB = stub("AbstractBlockingStub");
  static final ClassName ABSTRACT_FUTURE_STUB = stub("AbstractFutureStub");
  static final ClassName CLIENT_CALLS = stub("ClientCalls");
  static final ClassName SERVER_CALLS = stub("ServerCalls");
  static final ClassName STREAM_OBSERVER = stub("StreamObserver");
  static final ClassName LISTENABLE_FUTURE = ClassName.get("com.google.common.util.concurrent", "ListenableFuture");
  static final ClassName BYTE_STRING = ClassName.get("com.google.protobuf", "ByteString");

  static final ClassName BODY_SINK = support("BodySink");
  static final ClassName BODY_STREAM_EXECUTOR = support("BodyStreamExecutor");
  static final ClassName HOOK_CALL_EXCEPTION = support("HookCallException");
  static final ClassName HOOK_CALL_OPTIONS = support("HookCallOptions");
  static final ClassName HOOK_INVOKER = support("HookInvoker");
  static final ClassName HOOK_NOT_IMPLEMENTED = support("HookNotImplementedException");
  static final ClassName IMPLEMENTED_HOOKS = support("ImplementedHooks");
  static final ClassName NAME_SUGGESTIONS = support("NameSuggestions");
  static final ClassName PLUGIN_CALLER = support("PluginCaller");
  static final ClassName REQUEST_BODY_FORMAT = support("RequestBodyFormat");
  static final ClassName RESPONSE_BODY_FORMAT = support("ResponseBodyFormat");
  static final ClassName SERVER_BODY_CALLS = support("ServerBodyCalls");

  static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");
  static final ClassName CALLABLE = ClassName.get("java.util.concurrent", "Callable");
  static final ClassName DURATION = ClassName.get("java.time", "Duration");
  static final ClassName EXECUTOR = ClassName.get("java.util.concurrent", "Executor");
  static final ClassName FUNCTION = ClassName.get("java.util.function", "Function");
  static final ClassName INPUT_STREAM = ClassName.get("java.io", "InputStream");
  static final ClassName IO_EXCEPTION = ClassName.get("java.io", "IOException");
  static final ClassName ITERATOR = ClassName.get("java.util", "Iterator");
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName MAP = ClassName.get("java.util", "Map");
  static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
  static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  static final ClassName STRING = ClassName.get("java.lang", "String");
  static final ClassName SYSTEM_LOGGER = ClassName.get("java.lang", "System", "Logger");
  static final ClassName LOG_LEVEL = SYSTEM_LOGGER.nestedClass("Level");

  private JavaTypes() {}

  static TypeName methodDescriptor(TypeName request, TypeName response) {
    return ParameterizedTypeName.get(METHOD_DESCRIPTOR, request, response);
  }

  static TypeName streamObserver(TypeName message) {
    return ParameterizedTypeName.get(STREAM_OBSERVER, message);
  }

  private static ClassName grpc(String name) {
    return ClassName.get("io.grpc", name);
  }

  private static ClassName stub(String name) {
    return ClassName.get("io.grpc.stub", name);
  }

  private static ClassName support(String name) {
    return ClassName.get("dev.pyplugins.runtime.support", name);
  }
}
