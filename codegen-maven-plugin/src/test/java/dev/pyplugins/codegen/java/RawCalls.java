package dev.pyplugins.codegen.java;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.pyplugins.codegen.model.RpcShape;
import dev.pyplugins.codegen.model.RpcSignature;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Plain gRPC calls with the generated method descriptors, as a plugin in any language would make them:
 * the request (the head, for streams), then the body in 64 KiB pieces and {@code body_complete}.
 */
final class RawCalls {

  private static final int CHUNK = 64 * 1024;

  private RawCalls() {}

  /** The descriptor of a method, found by its full name in the generated service descriptor. */
  @SuppressWarnings("unchecked")
  static MethodDescriptor<Message, Message> descriptor(Class<?> grpcClass, String fullMethodName) {
    ServiceDescriptor service = (ServiceDescriptor) Reflect.callStatic(grpcClass, "getServiceDescriptor",
        new Class<?>[0]);
    return (MethodDescriptor<Message, Message>) service.getMethods().stream()
        .filter(m -> m.getFullMethodName().equals(fullMethodName)).findFirst()
        .orElseThrow(() -> new AssertionError("no method " + fullMethodName + " in " + grpcClass.getName()));
  }

  static Message requestPrototype(MethodDescriptor<Message, Message> method) {
    return ((MethodDescriptor.PrototypeMarshaller<Message>) method.getRequestMarshaller()).getMessagePrototype();
  }

  static Message responsePrototype(MethodDescriptor<Message, Message> method) {
    return ((MethodDescriptor.PrototypeMarshaller<Message>) method.getResponseMarshaller()).getMessagePrototype();
  }

  /** Makes the call and returns every response message. */
  static List<Message> call(Channel channel, MethodDescriptor<Message, Message> method, RpcSignature signature,
      Message request, byte[] body) throws Exception {
    CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS);
    if (signature.shape() == RpcShape.UNARY) {
      return List.of(ClientCalls.blockingUnaryCall(channel, method, options, request));
    }
    Collector responses = new Collector();
    StreamObserver<Message> requests = signature.shape() == RpcShape.CLIENT_BODY_STREAM
        ? ClientCalls.asyncClientStreamingCall(channel.newCall(method, options), responses)
        : ClientCalls.asyncBidiStreamingCall(channel.newCall(method, options), responses);
    FieldDescriptor chunk = field(request, RpcSignature.BODY_CHUNK);
    FieldDescriptor complete = field(request, RpcSignature.BODY_COMPLETE);
    requests.onNext(request);
    for (int start = 0; start < body.length; start += CHUNK) {
      ByteString piece = ByteString.copyFrom(body, start, Math.min(CHUNK, body.length - start));
      requests.onNext(request.newBuilderForType().setField(chunk, piece).build());
    }
    requests.onNext(request.newBuilderForType().setField(complete, true).build());
    requests.onCompleted();
    return responses.done.get(20, TimeUnit.SECONDS);
  }

  static FieldDescriptor field(Message message, String name) {
    FieldDescriptor field = message.getDescriptorForType().findFieldByName(name);
    if (field == null) {
      throw new AssertionError(message.getDescriptorForType().getFullName() + " has no field " + name);
    }
    return field;
  }

  private static final class Collector implements StreamObserver<Message> {
    final List<Message> received = Collections.synchronizedList(new ArrayList<>());
    final CompletableFuture<List<Message>> done = new CompletableFuture<>();

    @Override
    public void onNext(Message value) {
      received.add(value);
    }

    @Override
    public void onError(Throwable t) {
      done.completeExceptionally(t);
    }

    @Override
    public void onCompleted() {
      done.complete(List.copyOf(received));
    }
  }
}
